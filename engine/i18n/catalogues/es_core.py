"""Spanish for the engine's shared messages (errors, limits, parsing, workspace)."""

MESSAGES = {
    "{message}\nPyTorch says: {torch_error}": "{message}\nPyTorch dice: {torch_error}",
    "Unexpected error ({kind}): {text}": "Error inesperado ({kind}): {text}",
    "A tensor of shape {shape} would need {size}, more than the {guard} this app allows for "
    "one tensor. Try smaller sizes.":
        "Un tensor de forma {shape} necesitaría {size}, más de los {guard} que esta aplicación "
        "permite para un tensor. Prueba con tamaños más pequeños.",
    "'{opening}' is never closed: add '{closing}' at the end.":
        "'{opening}' nunca se cierra: añade '{closing}' al final.",
    "Dimension {position} is empty: write a whole number such as 3.":
        "La dimensión {position} está vacía: escribe un número entero como 3.",
    "Size {token} at dimension {position} is negative: sizes are 0 or more.":
        "El tamaño {token} en la dimensión {position} es negativo: los tamaños son 0 o más.",
    "'{token}' at dimension {position} is not a size: write whole numbers such as 2, 3 or 2x3.":
        "'{token}' en la dimensión {position} no es un tamaño: escribe números enteros como "
        "2, 3 o 2x3.",
    "A shape must be text.": "Una forma debe ser texto.",
    "{count} dimensions is too many: at most {limit} are supported.":
        "{count} dimensiones son demasiadas: se admiten como máximo {limit}.",
    "'{text}' is not a dtype. Choose one of: {choices}.":
        "'{text}' no es un dtype. Elige uno de: {choices}.",
    "'{name}' cannot be a tensor name: use letters, digits and _, start with a letter, and "
    "avoid Python keywords and 'torch'.":
        "'{name}' no puede ser el nombre de un tensor: usa letras, dígitos y _, empieza con una "
        "letra y evita las palabras clave de Python y 'torch'.",
    "'{name}' cannot be a tensor name: at most {limit} characters, not starting with _.":
        "'{name}' no puede ser el nombre de un tensor: como máximo {limit} caracteres, sin "
        "empezar por _.",
    "There is no tensor named '{name}' in the workspace.":
        "No hay ningún tensor llamado '{name}' en el espacio de trabajo.",
    "A tensor named '{name}' already exists.": "Ya existe un tensor llamado '{name}'.",
}
