"""Sizes of the apps' views: classes whose name ends in ``View`` and functions taking
``request``, in the apps' view modules, counted as the lines of their body (docstring
included, from its first statement to its last line).

    python scripts/view_sizes.py [--limit 40]

Prints the count, the median and the maximum, then every view over the limit (the offenders).
"""

import argparse
import ast
import statistics
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VIEW_MODULES = [
    "trust/views.py",
    "trust/structure_views.py",
    "partners/views/*.py",
    "risks/views.py",
    "recommendations/views/*.py",
]
LIMIT = 40


def view_modules(root=ROOT):
    for pattern in VIEW_MODULES:
        yield from sorted(p for p in root.glob(pattern) if p.name != "__init__.py")


def is_view(node) -> bool:
    if isinstance(node, ast.ClassDef):
        return node.name.endswith("View")
    if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
        return any(arg.arg == "request" for arg in node.args.args[:1])
    return False


def body_lines(node) -> int:
    return node.end_lineno - node.body[0].lineno + 1


def view_sizes(root=ROOT):
    """[(size, "module:name")] for every view, biggest first."""
    sizes = []
    for path in view_modules(root):
        tree = ast.parse(path.read_text(), filename=str(path))
        for node in tree.body:
            if is_view(node):
                sizes.append((body_lines(node), f"{path.relative_to(root)}:{node.name}"))
    return sorted(sizes, reverse=True)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=LIMIT)
    args = parser.parse_args()
    sizes = view_sizes()
    counts = [size for size, _ in sizes]
    print(f"views: {len(counts)}")
    print(f"median: {statistics.median(counts)}")
    print(f"max: {max(counts)}")
    offenders = [(size, name) for size, name in sizes if size > args.limit]
    print(f"over {args.limit} lines: {len(offenders)}")
    for size, name in offenders:
        print(f"  {size:4d}  {name}")


if __name__ == "__main__":
    main()
