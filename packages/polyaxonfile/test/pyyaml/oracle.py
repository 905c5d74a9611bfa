"""PyYAML as an oracle for the differential tests of @px/polyaxonfile's YAML reader.

Reads a JSON list of YAML texts on stdin and prints, for each, what
yaml.safe_load makes of it, as JSON the TypeScript side can compare with its
own result: {"value": ...} or {"error": {"problem", "line", "column"}}.
"""
import datetime
import json
import math
import sys

import yaml


class KeyCollision(Exception):
    """Distinct Python keys (1 and '1') that are one key in JSON-like data: not comparable."""


def key_text(key):
    if key is None:
        return ""
    if isinstance(key, bool):
        return "true" if key else "false"
    if isinstance(key, float) and key.is_integer():
        return str(int(key))  # as JavaScript prints a whole number
    if isinstance(key, (int, float)):
        return str(key)
    if isinstance(key, bytes):
        return key.decode("utf-8", errors="replace")
    if isinstance(key, (datetime.date, datetime.datetime)):
        return key.isoformat()
    return key


def plain(value, depth=0):
    if depth > 500:
        raise RecursionError("recursive")
    if isinstance(value, float):
        if math.isnan(value):
            return {"$float": "nan"}
        if math.isinf(value):
            return {"$float": "inf" if value > 0 else "-inf"}
        return value
    if isinstance(value, dict):
        texts = [key_text(k) for k in value]
        if len(set(texts)) != len(texts):
            raise KeyCollision()
        return {key_text(k): plain(v, depth + 1) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [plain(v, depth + 1) for v in value]
    if isinstance(value, set):
        # Python iterates a set in hash order: compared as an unordered collection.
        return {"$unordered": sorted(key_text(v) for v in value)}
    if isinstance(value, bytes):
        return value.decode("utf-8", errors="replace")
    if isinstance(value, (datetime.date, datetime.datetime)):
        return value.isoformat()
    return value


def load(text):
    try:
        value = yaml.safe_load(text)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        where = {"line": mark.line + 1, "column": mark.column + 1} if mark else {}
        return {"error": {"problem": error.problem, **where}}
    except Exception as error:  # ValueError and friends from the constructors
        return {"error": {"problem": str(error)}}
    try:
        return {"value": plain(value)}
    except RecursionError:
        return {"error": {"problem": "recursive"}}
    except KeyCollision:
        return {"skip": "distinct keys with the same text"}


if __name__ == "__main__":
    texts = json.load(sys.stdin)
    json.dump([load(text) for text in texts], sys.stdout, ensure_ascii=False)
