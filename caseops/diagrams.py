"""Rendered state diagrams of the two machines, from the same definitions the runtime uses.

`transitions`' graph support draws each machine with its triggers and guards on the edges. The
engine is set to "graphviz" explicitly (never the silent pygraphviz default), and `dot` comes from
Debian's graphviz package. Live diagrams highlight an episode's stage and follow-up state; there are
only 25 such pairs, so each is rendered once per process and cached, never on the step path.
"""

from __future__ import annotations

import copy
import functools
from pathlib import Path
from types import ModuleType
from typing import Any

import graphviz
from transitions.extensions import GraphMachine

from caseops.machines import followup, workflow

DEFINITIONS: dict[str, ModuleType] = {"workflow": workflow, "followup": followup}
DIAGRAMS_DIR = Path(__file__).resolve().parent.parent / "diagrams"


LAYOUT = {"rankdir": "TB", "nodesep": "0.8", "ranksep": "0.7", "fontname": "Helvetica"}


def _plain_style() -> Any:
    """transitions' graph style with an active state drawn like an inactive one."""
    style: Any = copy.deepcopy(GraphMachine.style_attributes)
    style["node"]["active"] = dict(style["node"]["inactive"])
    return style


class _PlainGraphMachine(GraphMachine):
    """Draws no state as active: the committed diagrams show the machine, not an episode."""

    style_attributes = _plain_style()


class _Pointer:
    """A stand-in model whose state picks what the graph highlights (the machine gives it
    `get_graph`)."""

    get_graph: Any


def _graph(definition: ModuleType, highlight: str | None) -> graphviz.Digraph:
    machine_class = GraphMachine if highlight else _PlainGraphMachine
    pointer = _Pointer()
    machine_class(
        model=pointer,
        states=definition.STATES,
        transitions=definition.TRANSITIONS,
        initial=highlight or definition.INITIAL,
        model_attribute=definition.MODEL_ATTRIBUTE,
        auto_transitions=False,
        graph_engine="graphviz",
        show_conditions=True,
        title=definition.__name__.rsplit(".", 1)[-1],
    )
    graph = pointer.get_graph()
    # One trigger per line, so merged edges and self-loops stay readable.
    graph.body = [line.replace(" | ", "\\n") for line in graph.body]
    graph.graph_attr.update(LAYOUT)
    return graph


def dot_source(name: str, highlight: str | None = None) -> str:
    """The DOT text of one machine; `highlight` marks one of its states as current."""
    return _graph(DEFINITIONS[name], highlight).source


def svg(source: str) -> str:
    return graphviz.Source(source, engine="dot").pipe(format="svg", encoding="utf-8")


@functools.lru_cache(maxsize=len(workflow.STATES) * len(followup.STATES))
def live_svg(stage: str, followup_state: str) -> str:
    """Both machines side by side, with the episode's stage and follow-up state highlighted."""
    combined = graphviz.Digraph("caseops", graph_attr={"rankdir": "TB"})
    for name, state in (("workflow", stage), ("followup", followup_state)):
        part = _graph(DEFINITIONS[name], state)
        part.name = f"cluster_{name}"
        combined.subgraph(part)
    return svg(combined.source)


def write_diagrams(directory: Path = DIAGRAMS_DIR) -> list[Path]:
    directory.mkdir(parents=True, exist_ok=True)
    written = []
    for name in DEFINITIONS:
        source = dot_source(name)
        for suffix, content in ((".dot", source), (".svg", svg(source))):
            path = directory / f"{name}{suffix}"
            path.write_text(content, encoding="utf-8")
            written.append(path)
    return written
