import type { CommandSpec, GroupCommandSpec, LeafCommandSpec, OptionSpec } from './command-spec';
import { registryGroups } from './commands/registry/registry-specs';

// Shared options, spelled as upstream's click declarations (short forms and
// their collisions included: `-p` is the project almost everywhere but the
// password in `login`; `-o` is the output except in `project ls`, ...).

const project: OptionSpec = { long: 'project', short: 'p', value: 'project', description: 'The project name, e.g. `mnist` or `acme/mnist`.' };
const uid: OptionSpec = {
  long: 'uid',
  aliases: ['uuid'],
  multiShort: ['-uid', '-id'],
  value: 'uuid',
  description: 'The run uuid (default: the last run cached in this directory).',
};
const output: OptionSpec = {
  long: 'output',
  short: 'o',
  value: 'format',
  description: 'Output format: `json`, `yaml`, or `path=<file>` (writes JSON to the file).',
};
const outputLong: OptionSpec = { ...output, short: undefined };
const yes: OptionSpec = { long: 'yes', short: 'y', description: 'Automatic yes to prompts.' };
const offline: OptionSpec = { long: 'offline', description: 'Use the offline run under the offline root instead of the API.' };
const path: OptionSpec = { long: 'path', aliases: ['path-from'], value: 'path', description: 'The offline root to read runs from (default: `POLYAXON_OFFLINE_ROOT`).' };
const url: OptionSpec = { long: 'url', description: 'Print the url instead of opening a browser.' };
const name: OptionSpec = { long: 'name', short: 'n', value: 'name', description: 'Name.' };
const description: OptionSpec = { long: 'description', value: 'text', description: 'Description.' };
const tags: OptionSpec = { long: 'tags', value: 'tags', description: 'Comma separated tags, e.g. `a,b`.' };
const query: OptionSpec = { long: 'query', short: 'q', value: 'query', description: 'A PQL query, e.g. `status:running`.' };
const sort: OptionSpec = { long: 'sort', short: 's', value: 'sort', description: 'Sort order, e.g. `-created_at`.' };
const limitLong: OptionSpec = { long: 'limit', value: 'n', description: 'Number of results.' };
const limit: OptionSpec = { ...limitLong, short: 'l' };
const offsetLong: OptionSpec = { long: 'offset', value: 'n', description: 'Results to skip.' };
const offset: OptionSpec = { ...offsetLong, multiShort: ['-off'] };
const file: OptionSpec = {
  long: 'file',
  short: 'f',
  value: 'path',
  repeatable: true,
  description: 'A Polyaxonfile; further `-f` files are presets/overrides.',
};
const params: OptionSpec = {
  long: 'param',
  aliases: ['params'],
  short: 'P',
  value: 'name=value',
  repeatable: true,
  description: 'A parameter, e.g. `-P lr=0.01` (repeatable).',
};

const runRef = [project, uid];
const chartOutput: OptionSpec = {
  long: 'output',
  short: 'o',
  value: 'format',
  description: 'Output: `terminal` (default on a TTY), `csv` (default otherwise), `html`, `svg`, `png`, `json` (Vega-Lite), or `path=<file>`.',
};
const chartOut: OptionSpec = { long: 'out', value: 'file', description: 'Write to this file (format from its extension unless `-o` is given; `-` = stdout).' };


const agentOnly = 'agent-side uploads are not implemented.';
const agent: OptionSpec = { long: 'agent', multiShort: ['-ag'], value: 'agent', description: 'Upload through an agent (not supported by px).', unsupported: agentOnly };
const ignoreAgentHost: OptionSpec = { long: 'ignore-agent-host', description: 'Ignore the agent host (not supported by px).', unsupported: agentOnly };

function group(spec: Omit<GroupCommandSpec, 'kind'>): GroupCommandSpec {
  return { kind: 'group', ...spec };
}

/** A command px leaves to the Python CLI: it names the upstream command and exits 2 (arguments unparsed). */
function clusterOnly(name: string, description: string): LeafCommandSpec {
  return { kind: 'leaf', name, description, args: '[ARGS...]', options: [], passthrough: true, load: () => import('./commands/upstream-only').then((m) => m.upstreamOnly) };
}

/** The whole `px` command tree: upstream's user commands (cluster-only ones answer with the upstream command to use). */
export const COMMAND_TREE: readonly CommandSpec[] = [
  {
    kind: 'leaf',
    name: 'login',
    description: 'Log in to Polyaxon with a token or a username/password.',
    options: [
      { long: 'token', short: 't', value: 'token', description: 'A polyaxon token.' },
      { long: 'username', short: 'u', value: 'username', description: 'Polyaxon username.' },
      { long: 'password', short: 'p', value: 'password', description: 'Polyaxon password (prompted when missing).' },
    ],
    load: () => import('./commands/auth').then((m) => m.login),
  },
  {
    kind: 'leaf',
    name: 'logout',
    description: 'Log out: removes the stored token and user.',
    options: [],
    load: () => import('./commands/auth').then((m) => m.logout),
  },
  {
    kind: 'leaf',
    name: 'whoami',
    description: 'Show the current logged-in user.',
    options: [output],
    load: () => import('./commands/auth').then((m) => m.whoami),
  },
  {
    kind: 'leaf',
    name: 'version',
    description: 'Print the current version of the CLI.',
    options: [{ long: 'check', description: 'Also print the server version (needs the API).' }, output],
    load: () => import('./commands/version').then((m) => m.version),
  },
  group({
    name: 'config',
    description: 'Set and get the global configurations.',
    options: [{ long: 'list', short: 'l', description: 'Deprecated, same as `config show`.' }],
    flagCommand: { option: 'list', command: 'show' },
    commands: [
      {
        kind: 'leaf',
        name: 'show',
        description: 'Show the effective configuration with the source of each value.',
        options: [output],
        load: () => import('./commands/config').then((m) => m.show),
      },
      {
        kind: 'leaf',
        name: 'get',
        description: 'Print the values of the given configuration keys.',
        args: '<keys...>',
        options: [output],
        load: () => import('./commands/config').then((m) => m.get),
      },
      {
        kind: 'leaf',
        name: 'set',
        description: 'Set global configuration values.',
        options: [
          { long: 'debug', value: 'bool', description: 'To set the verbosity of the client.' },
          { long: 'host', value: 'url', description: 'To set the server endpoint.' },
          { long: 'no-api', value: 'bool', description: 'To disable any API call.' },
          { long: 'verify-ssl', value: 'bool', description: 'To set whether or not to verify the SSL certificate.' },
          { long: 'home', value: 'path', description: 'To set POLYAXON_HOME to specify the context where the CLI/Client reads/writes global configuration.' },
          { long: 'owner', value: 'owner', description: 'To set the default owner (organization).' },
          { long: 'disable-errors-reporting', value: 'bool', description: 'To disable errors reporting.' },
          { long: 'no-purge', description: 'To not purge the auth and user configs when the host changes.' },
        ],
        load: () => import('./commands/config').then((m) => m.set),
      },
      {
        kind: 'leaf',
        name: 'purge',
        description: 'Purge the global configuration.',
        options: [{ long: 'cache-only', description: 'Only purge the cached project and run.' }],
        load: () => import('./commands/config').then((m) => m.purge),
      },
    ],
  }),
  {
    kind: 'leaf',
    name: 'check',
    description: 'Check a Polyaxonfile: prints its verdict, or the operation with `-o json`.',
    options: [
      { ...file, description: 'The Polyaxonfile to check; further files are presets (repeatable).' },
      { long: 'python-module', multiShort: ['-pm'], value: 'module', description: 'A Python module (not supported by px).' },
      { long: 'version', short: 'v', description: 'Print the version of the Polyaxonfile.' },
      params,
      { long: 'lint', short: 'l', description: 'Skip params validation (still builds the operation).' },
      { long: 'presets', value: 'names', description: 'Comma separated preset names (recorded on the operation).' },
      { ...output, description: 'Output format: `json` or `yaml`.' },
    ],
    load: () => import('./commands/check').then((m) => m.check),
  },
  {
    kind: 'leaf',
    name: 'schema',
    description: 'Print the Polyaxonfile JSON Schema for editors (px only; `--path` prints where it is installed).',
    options: [{ long: 'path', description: 'Print the path of the installed schema file instead of its content.' }],
    load: () => import('./commands/schema').then((m) => m.schema),
  },
  {
    kind: 'leaf',
    name: 'init',
    description: 'Initialize a project in the current directory (local `.polyaxon` cache).',
    options: [
      project,
      { long: 'git-connection', value: 'name', description: 'A git connection to use with `--git-url`.' },
      { long: 'git-url', value: 'url', description: 'A git url to use for the git init preset.' },
      { long: 'polyaxonfile', description: 'Create a polyaxonfile.yaml template.' },
      { long: 'polyaxonignore', description: 'Create a default .polyaxonignore file.' },
      yes,
    ],
    load: () => import('./commands/init').then((m) => m.init),
  },
  group({
    name: 'project',
    aliases: ['projects'],
    description: 'Commands for projects.',
    options: [project],
    commands: [
      {
        kind: 'leaf',
        name: 'create',
        description: 'Create a new project.',
        options: [
          { ...name, description: 'The project name, e.g. `mnist` or `acme/mnist`.' },
          description,
          tags,
          { long: 'public', description: 'Make the project public.' },
          { long: 'init', description: 'Initialize the project in the current directory after creating it.' },
          output,
        ],
        load: () => import('./commands/project').then((m) => m.create),
      },
      {
        kind: 'leaf',
        name: 'ls',
        description: 'List projects.',
        options: [
          { long: 'owner', short: 'o', value: 'owner', description: 'The owner (`-o` is the owner here, as upstream).' },
          query,
          sort,
          limitLong,
          offsetLong,
          outputLong,
        ],
        load: () => import('./commands/project').then((m) => m.list),
      },
      {
        kind: 'leaf',
        name: 'get',
        description: 'Get info for a project.',
        options: [project, output],
        load: () => import('./commands/project').then((m) => m.get),
      },
      {
        kind: 'leaf',
        name: 'update',
        description: 'Update a project.',
        options: [
          project,
          { ...name, description: 'New name.' },
          description,
          tags,
          { long: 'private', value: 'bool', description: 'Set the visibility of the project.' },
          output,
        ],
        load: () => import('./commands/project').then((m) => m.update),
      },
      {
        kind: 'leaf',
        name: 'delete',
        description: 'Delete a project.',
        options: [project, yes],
        load: () => import('./commands/project').then((m) => m.remove),
      },
      {
        kind: 'leaf',
        name: 'dashboard',
        description: 'Open the project dashboard in a browser.',
        options: [project, yes, url],
        load: () => import('./commands/project').then((m) => m.dashboard),
      },
    ],
  }),
  {
    kind: 'leaf',
    name: 'run',
    description: 'Run a Polyaxonfile: creates a run from the operation.',
    options: [
      project,
      file,
      { long: 'python-module', multiShort: ['-pm'], value: 'module', description: 'A Python module (not supported by px).' },
      { long: 'url', value: 'url', description: 'The url of a Polyaxonfile to run.' },
      { long: 'hub', value: 'component', description: 'A hub component to run, `[owner/]name[:version]`.' },
      { ...name, description: 'Name to give to this run.' },
      tags,
      description,
      { long: 'shell', short: 's', description: 'Start a shell session (not supported by px).' },
      { long: 'log', aliases: ['logs'], short: 'l', description: 'Stream the logs after creating the run.' },
      { long: 'upload', short: 'u', description: 'Upload the working directory to the run before it starts.' },
      { long: 'upload-from', multiShort: ['-u-from'], value: 'path', description: 'The path to upload (implies --upload).' },
      { long: 'upload-to', multiShort: ['-u-to'], value: 'path', description: 'The run artifacts path to upload to (implies --upload).' },
      { long: 'watch', short: 'w', description: 'Watch the statuses after creating the run.' },
      params,
      { long: 'presets', value: 'names', description: 'Comma separated preset names.' },
      { long: 'queue', short: 'q', value: 'queue', description: 'The queue to use, `queue` or `agent/queue`.' },
      { long: 'namespace', multiShort: ['-ns'], value: 'namespace', description: 'The namespace to use.' },
      { long: 'nocache', description: 'Deprecated: disable the cache.' },
      { long: 'cache', value: 'bool', description: 'Enable or disable the cache.' },
      { long: 'approved', multiShort: ['-ap'], value: 'bool', description: 'Approve or not the run.' },
      { long: 'approve-after', multiShort: ['-aa'], value: 'seconds', description: 'After the uploads, wait this many seconds before approving the run.' },
      { long: 'mount', short: 'm', value: 'src[:dest]', repeatable: true, description: 'Upload a local path to the run artifacts (`./src:dest`, or `./src` to `uploads`); repeatable.' },
      { long: 'local', description: 'Run on this machine (server-less with --offline or when no host is configured).' },
      { long: 'executor', multiShort: ['-exc'], value: 'executor', description: 'Local executor: `process` or `docker` (default docker when available).' },
      { long: 'offline', description: 'With --local: record the runs offline, no server needed (push them later with `px ops push`).' },
      { long: 'concurrency', value: 'n', description: 'With --local: how many runs of a sweep or pipeline run at once (overrides the spec).' },
      { long: 'dry-run', description: 'With --local: print the command of every container instead of running it.' },
      { long: 'hparam', aliases: ['hparams'], multiShort: ['-HP'], value: 'name=kind:value', repeatable: true, description: 'A hyper-parameter, e.g. `-HP lr=choice:[0.1,0.2]` (repeatable); builds a matrix.' },
      { long: 'matrix-kind', value: 'kind', description: 'Matrix kind for `-HP` (default grid).' },
      { long: 'matrix-concurrency', value: 'n', description: 'Matrix concurrency for `-HP` (default 1).' },
      { long: 'matrix-num-runs', value: 'n', description: 'Maximum number of runs the `-HP` matrix creates (default all).' },
      { long: 'git-preset', description: 'Add the git initializer of `polyaxongit.yaml` (from `px init --git-url`) at the current commit.' },
      { long: 'git-revision', value: 'rev', description: 'The git revision (commit, branch, tree-ish) for the git preset (implies --git-preset).' },
      { long: 'ignore-template', description: 'Ignore the template flag of the Polyaxonfile.' },
      output,
    ],
    load: () => import('./commands/run').then((m) => m.run),
  },
  group({
    name: 'ops',
    description: 'Commands for runs (operations).',
    options: [project, uid],
    commands: [
      {
        kind: 'leaf',
        name: 'ls',
        description: 'List runs.',
        options: [
          project,
          { long: 'io', multiShort: ['-io'], description: 'Show the inputs/outputs columns.' },
          query,
          sort,
          limit,
          offset,
          { long: 'columns', short: 'c', value: 'cols', description: 'Comma separated columns to show.' },
          { long: 'to-csv', description: 'Write the runs to ./results.csv.' },
          offline,
          path,
          output,
        ],
        load: () => import('./commands/ops-read').then((m) => m.list),
      },
      {
        kind: 'leaf',
        name: 'get',
        description: 'Get a run.',
        options: [...runRef, offline, path, output],
        load: () => import('./commands/ops-read').then((m) => m.get),
      },
      {
        kind: 'leaf',
        name: 'statuses',
        description: 'Get the statuses of a run.',
        options: [...runRef, { long: 'watch', short: 'w', description: 'Watch the statuses until the run is done.' }, offline, path, output],
        load: () => import('./commands/ops-read').then((m) => m.statuses),
      },
      {
        kind: 'leaf',
        name: 'logs',
        description: 'Get the logs of a run (follows them by default).',
        options: [
          ...runRef,
          { long: 'follow', short: 'f', description: 'Follow the logs until the run is done (default).' },
          { long: 'no-follow', multiShort: ['-nf'], description: 'Print the current logs and stop.' },
          { long: 'hide-time', short: 'h', description: 'Hide the timestamps.' },
          { long: 'all-containers', description: 'Show the logs of all containers.' },
          { long: 'all-info', short: 'a', description: 'Show the node, pod and container of each line.' },
          offline,
          path,
          { long: 'output', short: 'o', value: 'format', choices: ['json'], description: 'Output format: `json` prints one JSON object per log line (JSON lines).' },
        ],
        load: () => import('./commands/ops-logs').then((m) => m.logs),
      },
      {
        kind: 'leaf',
        name: 'update',
        description: 'Update a run (or an offline run with `--offline`).',
        options: [...runRef, { ...name, description: 'New name.' }, description, tags, offline, path, output],
        load: () => import('./commands/ops-write').then((m) => m.update),
      },
      {
        kind: 'leaf',
        name: 'stop',
        description: 'Stop a run.',
        options: [...runRef, yes],
        load: () => import('./commands/ops-write').then((m) => m.stop),
      },
      {
        kind: 'leaf',
        name: 'approve',
        description: 'Approve a run waiting for approval.',
        options: [...runRef],
        load: () => import('./commands/ops-write').then((m) => m.approve),
      },
      {
        kind: 'leaf',
        name: 'skip',
        description: 'Skip a run.',
        options: [...runRef, yes],
        load: () => import('./commands/ops-actions').then((m) => m.skip),
      },
      {
        kind: 'leaf',
        name: 'invalidate',
        description: 'Invalidate the cache state of a run.',
        options: [...runRef],
        load: () => import('./commands/ops-actions').then((m) => m.invalidate),
      },
      {
        kind: 'leaf',
        name: 'transfer',
        description: 'Transfer a run to another project of the same owner.',
        options: [...runRef, { long: 'to-project', multiShort: ['-to'], value: 'project', description: 'The project to transfer the run to.' }],
        load: () => import('./commands/ops-actions').then((m) => m.transfer),
      },
      {
        kind: 'leaf',
        name: 'inspect',
        description: 'Inspect a run: its Kubernetes details as JSON.',
        options: [...runRef],
        load: () => import('./commands/ops-actions').then((m) => m.inspect),
      },
      {
        kind: 'leaf',
        name: 'service',
        description: 'Open the service of a run (kind `service`) in a browser, once it runs.',
        options: [
          ...runRef,
          yes,
          { long: 'external', description: 'Open the external service url instead of the dashboard page.' },
          { long: 'url', description: 'Print the dashboard and external urls instead of opening a browser.' },
        ],
        load: () => import('./commands/ops-actions').then((m) => m.service),
      },
      clusterOnly('shell', 'Start a shell in a run container (needs Kubernetes: use `polyaxon ops shell`).'),
      clusterOnly('exec', 'Execute a command in a run container (needs Kubernetes: use `polyaxon ops exec`).'),
      {
        kind: 'leaf',
        name: 'restart',
        description: 'Restart (or copy) a run.',
        options: [
          ...runRef,
          { long: 'name', value: 'name', description: 'Name of the new run.' },
          tags,
          description,
          { long: 'copy', short: 'c', description: 'Copy the run instead of restarting it.' },
          { long: 'copy-dir', value: 'dir', repeatable: true, description: 'A directory to copy from the original run.' },
          { long: 'copy-file', value: 'file', repeatable: true, description: 'A file to copy from the original run.' },
          { ...file, description: 'A Polyaxonfile to override the run with (repeatable).' },
          { long: 'recompile', description: 'Treat the file as a full specification.' },
          output,
        ],
        load: () => import('./commands/ops-write').then((m) => m.restart),
      },
      {
        kind: 'leaf',
        name: 'execute',
        description: 'Execute a run of the server on this machine (experimental, as upstream).',
        options: [
          ...runRef,
          { long: 'executor', multiShort: ['-exc'], value: 'executor', description: 'The executor: `process` or `docker` (default: docker when a Docker engine answers, else process).' },
        ],
        examples: ['px ops execute -uid 8aac02e3a62a4f0aaa257c59da5eab80 -exc process', 'px ops execute'],
        load: () => import('./commands/ops-execute').then((m) => m.execute),
      },
      {
        kind: 'leaf',
        name: 'resume',
        description: 'Resume a run.',
        options: [
          ...runRef,
          { long: 'name', value: 'name', description: 'New name.' },
          tags,
          description,
          { ...file, description: 'A Polyaxonfile to override the run with (repeatable).' },
          { long: 'recompile', description: 'Treat the file as a full specification.' },
          output,
        ],
        load: () => import('./commands/ops-write').then((m) => m.resume),
      },
      {
        kind: 'leaf',
        name: 'delete',
        description: 'Delete a run.',
        options: [...runRef, yes, offline, path],
        load: () => import('./commands/ops-write').then((m) => m.remove),
      },
      {
        kind: 'leaf',
        name: 'artifacts',
        description: 'Download the artifacts of a run.',
        options: [
          ...runRef,
          { long: 'file', short: 'f', value: 'path', repeatable: true, description: 'A file to download (repeatable).' },
          { long: 'dir', short: 'd', value: 'path', repeatable: true, description: 'A directory to download (repeatable).' },
          { long: 'path-to', aliases: ['path'], value: 'path', description: 'Where to download (default: the archives root).' },
          { long: 'no-untar', description: 'Keep directory downloads as tar.gz files.' },
          { long: 'lineage-name', multiShort: ['-l-name'], value: 'name', repeatable: true, description: 'Download a lineage by name (not supported by px).', unsupported: 'select files with `-f` or folders with `-d`.' },
          { long: 'lineage-kind', multiShort: ['-l-kind'], value: 'kind', repeatable: true, description: 'Download lineages by kind (not supported by px).', unsupported: 'select files with `-f` or folders with `-d`.' },
        ],
        load: () => import('./commands/ops-artifacts').then((m) => m.download),
      },
      {
        kind: 'leaf',
        name: 'upload',
        description: 'Upload files or a directory to the artifacts of a run.',
        options: [
          ...runRef,
          { long: 'path-from', value: 'path', description: 'The local file or directory to upload (default: the working directory).' },
          { long: 'path-to', value: 'path', description: 'The destination in the run artifacts (`/` = root).' },
          { long: 'sync-failure', description: 'Mark the run as failed when the upload fails.' },
          agent,
          ignoreAgentHost,
        ],
        load: () => import('./commands/ops-artifacts').then((m) => m.upload),
      },
      {
        kind: 'leaf',
        name: 'push',
        description: 'Push offline runs to the API.',
        options: [
          ...runRef,
          { long: 'all-runs', short: 'a', description: 'Push all offline runs.' },
          { long: 'no-artifacts', description: 'Do not upload the artifacts.' },
          { long: 'clean', short: 'c', description: 'Delete the local run after pushing it.' },
          { long: 'path-from', aliases: ['path'], value: 'path', description: 'The offline root (default: the offline root of the context).' },
          { long: 'reset-project', description: 'Push to the current project instead of the run’s own.' },
          { long: 'reset-uuid', description: 'Give the pushed run a new uuid.' },
          { long: 'name', short: 'n', value: 'name', description: 'New name for the pushed run.' },
          agent,
          ignoreAgentHost,
          { long: 'ignore-store', description: 'Upload without the artifacts store connection (not supported by px).', unsupported: 'px always uses the run’s store.' },
        ],
        load: () => import('./commands/ops-offline').then((m) => m.push),
      },
      {
        kind: 'leaf',
        name: 'pull',
        description: 'Pull remote runs into the offline root.',
        options: [
          ...runRef,
          { long: 'all-runs', short: 'a', description: 'Pull all the runs of the project.' },
          query,
          limit,
          offset,
          { long: 'no-artifacts', description: 'Do not download the artifacts.' },
          { long: 'path-to', aliases: ['path'], value: 'path', description: 'The offline root to pull into.' },
        ],
        load: () => import('./commands/ops-offline').then((m) => m.pull),
      },
      {
        kind: 'leaf',
        name: 'plot',
        description: 'Chart the metrics of a run: at the terminal, or as HTML, SVG, PNG, JSON (Vega-Lite) or CSV.',
        options: [
          ...runRef,
          { long: 'metrics', short: 'm', value: 'names', description: 'Comma separated metric names, e.g. `loss,acc` (default: all).' },
          { long: 'kind', short: 'k', value: 'kind', choices: ['line', 'bar', 'scatter'], description: 'Chart kind: `line` (default), `bar` (grouped) or `scatter` (two metrics).' },
          { long: 'x', value: 'axis', choices: ['step', 'timestamp', 'relative'], description: 'The x axis: `step` (default), `timestamp` or `relative` (seconds).' },
          { long: 'smooth', value: 'weight', description: 'EMA smoothing weight in [0, 1), e.g. `0.6`.' },
          { long: 'log-scale', description: 'Logarithmic y axis.' },
          { long: 'max-points', value: 'n', description: 'Downsample each series above this many points (default 2000).' },
          offline,
          path,
          chartOutput,
          chartOut,
        ],
        load: () => import('./commands/ops-plot').then((m) => m.plot),
      },
      {
        kind: 'leaf',
        name: 'compare',
        description: 'Compare runs: a sorted table with sparklines, parallel coordinates and one chart per metric.',
        options: [
          project,
          query,
          sort,
          limit,
          offset,
          { long: 'metrics', short: 'm', value: 'names', description: 'Comma separated metrics to compare (last values, sparklines, charts).' },
          { long: 'params', value: 'names', description: 'Comma separated inputs/outputs to show (default: all).' },
          offline,
          path,
          chartOutput,
          chartOut,
        ],
        load: () => import('./commands/ops-compare').then((m) => m.compare),
      },
      {
        kind: 'leaf',
        name: 'dashboard',
        description: 'Open the run dashboard in a browser.',
        options: [
          ...runRef,
          yes,
          url,
          offline,
          path,
          { long: 'server-config', aliases: ['sconfig'], multiShort: ['-SC'], value: 'config', repeatable: true, description: 'Server config (not supported by px).', unsupported: 'open the dashboard without server configs.' },
        ],
        load: () => import('./commands/ops-write').then((m) => m.dashboard),
      },
    ],
  }),
  ...registryGroups({ project, output, yes, url, name, description, tags, query, sort, limitLong, offsetLong, limit, offset }),
  {
    kind: 'leaf',
    name: 'dashboard',
    description: 'Open the dashboard in a browser.',
    options: [yes, url],
    load: () => import('./commands/version').then((m) => m.dashboard),
  },
  group({
    name: 'admin',
    description: 'Deploy and manage Polyaxon on Kubernetes (use `polyaxon admin`).',
    commands: ['deploy', 'upgrade', 'teardown', 'dashboard', 'clean-ops'].map((n) => clusterOnly(n, `Use \`polyaxon admin ${n}\` (needs Kubernetes).`)),
  }),
  group({
    name: 'sandbox',
    description: 'Work with sandbox runs in the cluster (use `polyaxon sandbox`).',
    commands: ['ping', 'exec', 'logs', 'ls', 'upload', 'download', 'shell'].map((n) => clusterOnly(n, `Use \`polyaxon sandbox ${n}\` (needs a cluster).`)),
  }),
  group({
    name: 'ssh',
    description: 'SSH into sandbox runs (use `polyaxon ssh`).',
    commands: ['connect', 'setup', 'config', 'tunnel'].map((n) => clusterOnly(n, `Use \`polyaxon ssh ${n}\` (needs a cluster).`)),
  }),
  clusterOnly('port-forward', 'Forward a local port to Polyaxon (needs kubectl: use `polyaxon port-forward`).'),
  clusterOnly('upgrade', 'Upgrade the CLI (for px: `npm install -g @px/cli@latest`).'),
  {
    kind: 'leaf',
    name: 'completion',
    description: 'Print the shell completion script (bash, zsh or fish).',
    args: '<shell>',
    options: [],
    load: () => import('./commands/completion').then((m) => m.completion),
  },
];

/** Options accepted before the command name. */
export const ROOT_OPTIONS: readonly OptionSpec[] = [
  { long: 'verbose', short: 'v', description: 'Print stack traces and debug details.' },
  { long: 'offline', description: 'Run in offline mode (POLYAXON_IS_OFFLINE=true).' },
  { long: 'no-color', description: 'No colours (also `NO_COLOR=1`; `FORCE_COLOR=1` forces them).' },
  { long: 'version', description: 'Print the version and exit.' },
  { long: 'help', short: 'h', description: 'Show this message and exit.' },
];
