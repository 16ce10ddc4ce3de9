"""The Markdown scanner every part of the build reads pages with: fenced code blocks and
`/// name` blocks (pymdownx.blocks), each with its 1-based line in the page's source, parsed the
way Python-Markdown will read them, including the mistakes it would silently show as text.
"""

import difflib
import re
from dataclasses import dataclass, field

import yaml

# What a code fence's attributes may say on this site: `.runnable` (an editor backed by Python
# in the page), `.exercise` (that editor as an exercise: see exercises.py) and
# pymdownx.highlight's options.
FENCE_CLASSES = ("runnable", "exercise")
FENCE_OPTIONS = ("title", "linenums", "hl_lines")

FENCE = re.compile(r"^(?P<indent>\s*)(?P<marker>`{3,}|~{3,})(?P<info>.*)$")
# `python`, `python {.runnable}`, `{.python .runnable}`, ` mermaid`, `python title="a.py"`: a
# language, then attributes in braces or, for options only, without.
FENCE_INFO = re.compile(
    r"""^\s*(?P<language>[\w+-]*)\s*"""
    r"""(?:\{(?P<attributes>[^{}]*)\}|(?P<options>(?:[\w-]+=(?:"[^"]*"|'[^']*'|[^\s"']+)\s*)*))\s*$"""
)
ATTRIBUTE = re.compile(
    r"""\.(?P<cls>[\w-]+)|#(?P<id>[\w-]+)|(?P<key>[\w-]+)=(?P<value>"[^"]*"|'[^']*'|[^\s"']+)"""
)
BLOCK_START = re.compile(r"^/// (?P<name>[\w-]+)(?:\s*\|\s*(?P<title>.*))?$")
BLOCK_END = re.compile(r"^///\s*$")


@dataclass
class Fence:
    line: int  # 1-based line of the opening fence
    marker: str
    info: str
    language: str = ""
    classes: list = field(default_factory=list)
    options: dict = field(default_factory=dict)
    end_line: int | None = None  # None: never closed
    body: list = field(default_factory=list)
    problems: list = field(default_factory=list)


@dataclass
class Block:
    line: int  # 1-based line of `/// name | title`
    name: str
    title: str
    options: dict = field(default_factory=dict)
    end_line: int | None = None
    problems: list = field(default_factory=list)  # (line, message)


def code_fences(lines):
    """Every fenced code block of the page, in order (an unclosed one runs to the end)."""
    fences = []
    open_fence = None
    for number, line in enumerate(lines, start=1):
        match = FENCE.match(line)
        if open_fence is None:
            if match:
                open_fence = Fence(number, match["marker"], match["info"].strip())
                read_fence_info(open_fence)
                fences.append(open_fence)
        elif match and closes(open_fence.marker, match):
            open_fence.end_line = number
            open_fence = None
        else:
            open_fence.body.append(line)
    return fences


def closes(marker, match):
    same_kind = match["marker"][0] == marker[0] and len(match["marker"]) >= len(marker)
    return same_kind and not match["info"].strip()


def read_fence_info(fence):
    """Fill in the fence's language, classes and options from its info string."""
    problem = info_problem(fence.info)
    if problem:
        fence.problems.append(problem)
        return
    match = FENCE_INFO.match(fence.info)
    attributes = match["attributes"] or match["options"] or ""
    for parsed in ATTRIBUTE.finditer(attributes):
        if parsed["cls"]:
            fence.classes.append(parsed["cls"])
        elif parsed["key"]:
            fence.options[parsed["key"]] = parsed["value"].strip("\"'")
    fence.language = match["language"] or (fence.classes.pop(0) if fence.classes else "")
    fence.problems += fence_attribute_problems(fence)


def info_problem(info):
    """Why a fence's info string cannot be read, or None."""
    if info.count("{") != info.count("}"):
        return f"code fence attributes have unbalanced braces: {info!r}"
    match = FENCE_INFO.match(info)
    if not match:
        return f"code fence info {info!r} is not `language {{attributes}}`"
    leftover = ATTRIBUTE.sub("", match["attributes"] or match["options"] or "").strip()
    if leftover:
        return f"code fence attribute {leftover!r} is not .class, #id or key=value"
    return None


def fence_attribute_problems(fence):
    unknown = [f".{name}" for name in fence.classes if name not in FENCE_CLASSES]
    unknown += [f"{key}=" for key in fence.options if key not in FENCE_OPTIONS]
    known = [f".{name}" for name in FENCE_CLASSES] + [f"{key}=" for key in FENCE_OPTIONS]
    for attribute in unknown:
        guess = difflib.get_close_matches(attribute, known, n=1)
        hint = f" (did you mean {guess[0]}?)" if guess else f" (known: {', '.join(known)})"
        yield f"unknown code fence attribute {attribute}{hint}"


def outside_fences(lines, fences):
    """(line number, text) of the lines that are not inside a fence, nor a fence line."""
    inside = set()
    for fence in fences:
        inside.update(range(fence.line, (fence.end_line or len(lines)) + 1))
    return [(number, line) for number, line in enumerate(lines, start=1) if number not in inside]


def blocks(lines, fences):
    """Every `/// name` block (pymdownx.blocks) outside code, with its parsed YAML options."""
    found, stack = [], []
    visible = outside_fences(lines, fences)
    for index, (number, line) in enumerate(visible):
        start = BLOCK_START.match(line)
        if start:
            block = Block(number, start["name"], (start["title"] or "").strip())
            read_block_options(block, visible[index + 1 :])
            found.append(block)
            stack.append(block)
        elif BLOCK_END.match(line) and stack:
            stack.pop().end_line = number
    return found


def read_block_options(block, following):
    """The YAML under a block's first line: the lines indented by four spaces right after it."""
    option_lines = []
    for _, line in following:
        if not (line.startswith("    ") and line.strip()):
            break
        option_lines.append(line[4:])
    try:
        options = yaml.safe_load("\n".join(option_lines)) or {}
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = block.line + 1 + (mark.line if mark else 0)
        problem = getattr(error, "problem", None) or str(error)
        block.problems.append((line, f"block options are not valid YAML: {problem}"))
        return
    if isinstance(options, dict):
        block.options = options
    else:
        block.problems.append((block.line + 1, "block options must be `key: value` lines"))
