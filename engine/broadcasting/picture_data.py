"""Pictures of 4-D broadcasts: the tab draws a 4-D tensor as a column of 3-D blocks.

``engine.broadcasting.demo`` draws operands of up to 3 dimensions and refuses the rest.
``run_picture_request`` runs the same job and, when a case was refused only because an
operand or the result has 4 dimensions, builds the same picture data for it (both operands
expanded to the result, which cells are stride-0 copies, the result and the code that
reproduces it), as long as every 3-D block stays readable (``BLOCK_MAX_NUMEL`` elements) and
the whole tensor small (``GRID_MAX_NUMEL``). The view draws the first blocks and says which
ones it leaves out. Nothing here changes what ``demo`` does for 0-3-D cases.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from engine.broadcasting.compact_text import flat_code
from engine.broadcasting.demo import PICTURE_MAX_NUMEL, BroadcastDemo, _draw
from engine.broadcasting.explain import Shape
from engine.broadcasting.state import BroadcastRequest, run_request
from engine.core.codegen import CodeStep
from engine.core.parsing import format_shape
from engine.i18n.messages import Text, msg
from engine.session.workspace import Workspace

GRID_MAX_NDIM = 4
BLOCK_MAX_NUMEL = PICTURE_MAX_NUMEL  # one 3-D block: as readable as a 3-D picture
GRID_MAX_NUMEL = 1024                # the whole tensor (the view draws only its first blocks)


def block_numel(shape: Shape) -> int:
    """Elements of one 3-D block: the last three dimensions (the whole tensor up to 3-D)."""
    return math.prod(shape[-3:])


def grid_refusal(shapes: Sequence[Shape]) -> Text | None:
    """Why a case with a 4-D tensor is not drawn (None when it can be drawn as blocks)."""
    for shape in shapes:
        if len(shape) > GRID_MAX_NDIM:
            return msg("The picture draws tensors of up to {ndim} dimensions; {shape} has "
                       "{count}. The alignment table explains it all the same.",
                       ndim=GRID_MAX_NDIM, shape=format_shape(shape), count=len(shape))
        if block_numel(shape) > BLOCK_MAX_NUMEL or math.prod(shape) > GRID_MAX_NUMEL:
            return msg("The picture draws a 4-D tensor as 3-D blocks of up to {block} elements "
                       "each, {limit} in all, so every number stays readable; {shape} has "
                       "blocks of {count}. The alignment table explains it all the same.",
                       block=BLOCK_MAX_NUMEL, limit=GRID_MAX_NUMEL,
                       shape=format_shape(shape), count=f"{block_numel(shape):,}")
    return None


def _shapes(demo: BroadcastDemo) -> list[Shape]:
    e = demo.explanation
    shapes = [e.shape_a, e.shape_b]
    return shapes + [e.broadcast_shape] if e.broadcast_shape is not None else shapes


def run_picture_request(request: BroadcastRequest,
                        workspace: Workspace | None = None) -> BroadcastDemo:
    """The tab's job: ``run_request``, plus the block picture of a small 4-D case."""
    demo = run_request(request, workspace)
    shapes = _shapes(demo)
    if demo.picture is not None or max(len(s) for s in shapes) <= 3:
        return demo
    refusal = grid_refusal(shapes)
    if refusal is not None or demo.size_notes:
        return BroadcastDemo(demo.explanation, None, refusal or demo.picture_note, None,
                             demo.size_notes, demo.step)
    names = request.names
    use = workspace if request.uses_workspace else None
    tensor_a = use.get(request.a.tensor_name) if use and request.a.tensor_name else None
    tensor_b = use.get(request.b.tensor_name) if use and request.b.tensor_name else None
    e = demo.explanation
    picture, code, error = _draw(e, tensor_a, tensor_b, names)
    step = CodeStep(msg("Broadcast {expression}", expression=e.op.expression(*names)),
                    flat_code(code), e.summary)
    return BroadcastDemo(e, picture, None, error, demo.size_notes, step)
