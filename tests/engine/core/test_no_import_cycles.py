"""No module of engine/ or gui/ imports itself back through a chain of imports.

Imports made only for type checking (``if TYPE_CHECKING:``) never run, so they are left
out: a result type named in a signature may live beside the code that builds it."""

from __future__ import annotations

import grimp


def test_no_module_is_part_of_an_import_cycle():
    graph = grimp.build_graph("engine", "gui", cache_dir=None,
                              exclude_type_checking_imports=True)
    cycles = []
    for importer in sorted(graph.modules):
        for imported in sorted(graph.find_modules_directly_imported_by(importer)):
            if imported.split(".")[0] not in ("engine", "gui"):
                continue
            back = graph.find_shortest_chain(importer=imported, imported=importer)
            if back:
                cycles.append(" -> ".join((importer, *back)))
    assert cycles == []
