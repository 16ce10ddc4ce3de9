"""Access to the data files shipped inside the package (works from a wheel in Pyodide too)."""

import json
from importlib.resources import files

_DATA = files("mlops_lab") / "data"


def data_lines(name):
    return _DATA.joinpath(name).read_text(encoding="utf-8").splitlines()


def data_json(name):
    return json.loads(_DATA.joinpath(name).read_text(encoding="utf-8"))
