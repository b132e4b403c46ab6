"""No module of the project imports one that imports it back, directly or through others.

import-linter's contracts in pyproject.toml keep the apps and layers one way; this keeps every
single module acyclic too, counting imports written inside functions, which hide a cycle from
Python at import time but not from the reader who has to follow it.
"""

import grimp
import pytest

PACKAGES = ("config", "home", "disclosure", "integrity", "training", "screens")


@pytest.fixture(scope="module")
def graph():
    return grimp.build_graph(*PACKAGES, cache_dir=None)


def cycles(graph):
    found = []
    for importer in sorted(graph.modules):
        for imported in sorted(graph.find_modules_directly_imported_by(importer)):
            if imported.split(".")[0] not in PACKAGES or imported == importer:
                continue
            back = graph.find_shortest_chain(importer=imported, imported=importer)
            if back:
                found.append(" -> ".join((importer, *back)))
    return found


def test_no_module_takes_part_in_an_import_cycle(graph):
    assert cycles(graph) == []


def test_the_check_reports_a_cycle(graph):
    """The check is not blind: one import back from home.models to a module that uses it."""
    graph = grimp.build_graph(*PACKAGES, cache_dir=None)
    graph.add_import(
        importer="home.models", imported="home.caching", line_number=1, line_contents=""
    )
    assert any(cycle.startswith("home.caching -> home.models") for cycle in cycles(graph))
