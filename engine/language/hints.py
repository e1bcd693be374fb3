"""What to write instead, for the names and syntax the language refuses."""

from __future__ import annotations

import ast

from engine.i18n.messages import msg

_NAME_HINTS = {
    "getattr": "write the attribute directly, e.g. `t.shape`",
    "setattr": "assign directly, e.g. `t.requires_grad = False`",
    "hasattr": "write the attribute directly, e.g. `t.grad`",
    "delattr": "write `del name` for a variable",
    "type": "use `t.dtype` for a tensor's element type, or `isinstance(x, torch.Tensor)`",
    "vars": "print the variables you need",
    "dir": "see the PyTorch documentation for the methods of a tensor",
    "globals": "print the variables you need",
    "locals": "print the variables you need",
    "eval": "write the expression itself",
    "exec": "write the statements themselves",
    "compile": "write the statements themselves",
    "open": "files are loaded in the Datasets tab",
    "input": "assign the value in the code",
    "format": "write an f-string such as f\"{x:.3f}\"",
    "iter": "write a for loop",
    "next": "write a for loop",
    "breakpoint": "run the code line by line in the console",
    "help": "see the PyTorch documentation",
    "exit": "stop the run with Cancel",
    "quit": "stop the run with Cancel",
}


def unknown_name(name: str) -> str:
    hint = _NAME_HINTS.get(name)
    if name.startswith("__") or hint is not None:
        return msg("`{name}` is not part of TorchScope's PyTorch: {hint}.", name=name,
                   hint=msg(hint) if hint else msg("names starting with _ are Python's "
                                                   "internals"))
    return msg("`{name}` is not defined: assign it first (`{name} = ...`) or check its "
               "spelling.", name=name)


_SYNTAX_HINTS: dict[type[ast.AST], str] = {
    ast.FunctionDef: "Defining functions (`def`) is not part of TorchScope's PyTorch: write "
                     "the statements directly.",
    ast.AsyncFunctionDef: "Defining functions (`def`) is not part of TorchScope's PyTorch: "
                          "write the statements directly.",
    ast.Lambda: "`lambda` is not part of TorchScope's PyTorch: write the expression directly.",
    ast.ClassDef: "Defining classes is not part of TorchScope's PyTorch; datasets are built "
                  "in the Datasets tab.",
    ast.While: "`while` loops are not part of TorchScope's PyTorch: write `for i in range(n):`"
               ".",
    ast.Try: "`try` is not part of TorchScope's PyTorch: errors are shown with an "
             "explanation.",
    ast.Global: "`global` is not part of TorchScope's PyTorch: every name is already shared.",
    ast.Nonlocal: "`nonlocal` is not part of TorchScope's PyTorch.",
    ast.ListComp: "Comprehensions are not part of TorchScope's PyTorch: write a for loop that "
                  "appends to a list.",
    ast.SetComp: "Comprehensions are not part of TorchScope's PyTorch: write a for loop.",
    ast.DictComp: "Comprehensions are not part of TorchScope's PyTorch: write a for loop.",
    ast.GeneratorExp: "Generator expressions are not part of TorchScope's PyTorch: write a for "
                      "loop.",
    ast.NamedExpr: "`:=` is not part of TorchScope's PyTorch: assign on its own line.",
    ast.Raise: "`raise` is not part of TorchScope's PyTorch: use `assert`.",
    ast.Return: "`return` is only meaningful in functions, which TorchScope's PyTorch does "
                "not have.",
}


def syntax_hint(node: ast.AST) -> str:
    template = _SYNTAX_HINTS.get(type(node))
    if template is not None:
        return msg(template)
    return msg("`{syntax}` is not part of TorchScope's PyTorch.", syntax=type(node).__name__)
