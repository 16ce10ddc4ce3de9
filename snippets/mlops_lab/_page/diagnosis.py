"""What stops a reader's code before any of it runs, said in the reader's terms.

A syntax or indentation error, or an import of a module or a name that does not exist, ends
code at its first line; Python reports it after frames that are not the reader's (pytest's, the
grader's), and pytest, in a test file, at the end of thirty lines of its own. `diagnose` finds
it without running the reader's code: it compiles the code, then checks that the modules and
names of its top-level `import` statements exist (importing the modules they name, as the code
would). Run and Run tests (runner.py) and Check (grading.py) report what it finds first.

A diagnosis is a plain dict, sent to the page as is:
{"error": "SyntaxError", "line": 4, "message": "expected ':'",
 "summary": "SyntaxError on line 4: expected ':'",
 "excerpt": "    def test_ages()\\n                   ^"}
The excerpt is the reader's line, a caret under the fault when Python knows where it is, and
any note (why a package is missing).
"""

import ast
import importlib
import importlib.util
import sys
import traceback

# difflib and pkgutil are imported when an import is missing: the runner imports this module
# at start, and a first Run would otherwise pay for them.

READERS_FILE = "<your code>"


def diagnose(code, filename=READERS_FILE):
    """The first error that stops `code` before it runs, or None."""
    try:
        tree = compile(code, filename, "exec", flags=ast.PyCF_ONLY_AST)
        compile(tree, filename, "exec")  # some errors ('return' outside a function) come here
    except SyntaxError as error:  # IndentationError and TabError too
        return syntax_error(error, code)
    for statement in tree.body:  # top level only: an import inside `try` may be meant to fail
        try:
            found = unresolved_import(statement)
        except Exception:  # a module that fails as it is imported: the run itself says how
            found = None
        if found:
            kind, message, note = found
            return diagnosis(kind, statement.lineno, message, code, note=note)
    return None


def diagnosis(kind, line, message, code, column=None, end_column=None, note=""):
    lines = code.splitlines()
    excerpt = lines[line - 1] if 0 < line <= len(lines) else ""
    if excerpt and column:
        width = end_column - column if end_column and end_column > column else 1
        excerpt += "\n" + " " * (column - 1) + "^" * width
    return {
        "error": kind,
        "line": line,
        "message": message,
        "summary": f"{kind} on line {line}: {message}",
        "excerpt": "\n".join(part for part in (excerpt, note) if part),
    }


def syntax_error(error, code):
    same_line = error.end_lineno == error.lineno
    return diagnosis(type(error).__name__, error.lineno or 1, error.msg, code,
                     error.offset, error.end_offset if same_line else None)  # fmt: skip


def raised(error, code, filename):
    """A diagnosis of `error`, raised while the reader's code (the file `filename`) was
    imported: at the last line of theirs it passed through."""
    lines = [frame.lineno for frame in traceback.extract_tb(error.__traceback__)
             if frame.filename == filename]  # fmt: skip
    return diagnosis(type(error).__name__, lines[-1] if lines else 1, str(error), code)


def as_traceback(found):
    """A diagnosis as the output of a run shows it: Python's order, the error line last."""
    return f"{found['excerpt']}\n{found['summary']}\n".lstrip("\n")


def unresolved_import(statement):
    """(error type, message, note) for an import statement that cannot succeed, else None."""
    if isinstance(statement, ast.Import):
        return next(filter(None, (missing_module(alias.name) for alias in statement.names)), None)
    if not isinstance(statement, ast.ImportFrom) or statement.level:  # relative: not checked
        return None
    missing = missing_module(statement.module)
    if missing:
        return missing
    names = [alias.name for alias in statement.names if alias.name != "*"]
    return next(filter(None, (missing_name(statement.module, name) for name in names)), None)


def missing_module(dotted_name):
    """The first of the packages and module in `dotted_name` that does not exist, as Python
    would name it, with the module it may have meant."""
    parts = dotted_name.split(".")
    prefixes = (".".join(parts[: depth + 1]) for depth in range(len(parts)))
    name = next((prefix for prefix in prefixes if not module_exists(prefix)), None)
    if name is None:
        return None
    parent, _, last = name.rpartition(".")
    known = submodules(parent) if parent else top_level_modules()
    close = close_match(last, known, cutoff=0.8)
    message = f"No module named '{name}'"
    if close:
        message += f" (did you mean '{'.'.join(filter(None, (parent, close)))}'?)"
    return "ModuleNotFoundError", message, missing_package_note(name)


def missing_name(module_name, name):
    module = importlib.import_module(module_name)
    if hasattr(module, name) or module_exists(f"{module_name}.{name}"):
        return None
    public = [known for known in dir(module) if not known.startswith("_")]
    close = close_match(name, public)
    hint = f" (did you mean '{close}'?)" if close else ""
    return "ImportError", f"{module_name} has no name '{name}'{hint}", ""


def module_exists(name):
    try:
        return importlib.util.find_spec(name) is not None
    except ImportError:  # a parent that is missing, or is a module rather than a package
        return False
    except ValueError:  # in sys.modules without a spec (__main__): it is there
        return True


def close_match(name, known, cutoff=0.6):
    from difflib import get_close_matches

    return next(iter(get_close_matches(name, known, n=1, cutoff=cutoff)), None)


def submodules(package):
    import pkgutil

    module = importlib.import_module(package)
    return [found.name for found in pkgutil.iter_modules(getattr(module, "__path__", []))]


def top_level_modules():
    import pkgutil

    return [*sys.builtin_module_names, *sys.stdlib_module_names,
            *(found.name for found in pkgutil.iter_modules())]  # fmt: skip


def missing_package_note(name):
    """Why a package outside the standard library cannot be imported in the page ("" if it is
    in the standard library, or is the course's own)."""
    package = (name or "").partition(".")[0]
    if not package or package in sys.stdlib_module_names or module_exists(package):
        return ""
    return (
        f"{package} is not available in this page: its in-browser Python has only the "
        "standard library, pytest and mlops_lab (this site serves no WebAssembly "
        f"build of {package}). Run this code on your own machine to use it."
    )
