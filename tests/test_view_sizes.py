"""Views stay thin: logic lives in querysets, services and the generic views.

Measured by ``scripts/view_sizes.py`` (classes ending in ``View`` and functions taking
``request`` in the apps' view modules, counting their body): none over 40 lines, and a
median of 6 or fewer.
"""

import importlib.util
from pathlib import Path
from statistics import median

SCRIPT = Path(__file__).resolve().parent.parent / "scripts" / "view_sizes.py"
LONGEST = 40
MEDIAN = 6


def sizes():
    spec = importlib.util.spec_from_file_location("view_sizes", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.view_sizes()


def test_no_view_is_over_40_lines():
    over = sorted(f"{name} ({size})" for size, name in sizes() if size > LONGEST)
    assert not over, f"views over {LONGEST} lines: {over}"


def test_the_median_view_is_6_lines_or_fewer():
    counts = [size for size, _ in sizes()]
    assert len(counts) > 40  # every app's view modules are measured
    assert median(counts) <= MEDIAN


def test_no_application_module_is_over_500_lines():
    """Migrations, demo data and tests aside."""
    root = SCRIPT.parent.parent
    long = []
    for app in ("trust", "partners", "risks", "recommendations"):
        for path in (root / app).rglob("*.py"):
            if "migrations" in path.parts or path.name.startswith("demo"):
                continue
            lines = len(path.read_text().splitlines())
            if lines > 500:
                long.append(f"{path.relative_to(root)} ({lines})")
    assert not long, long
