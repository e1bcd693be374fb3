"""Spanish for the Broadcasting engine messages (engine/broadcasting*.py)."""

MESSAGES = {
    "{expression} works: {parts}, without copying any data; the result has shape {result}.":
        "{expression} funciona: {parts}, sin copiar ningún dato; el resultado tiene forma "
        "{result}.",
    "Dimension {dim} has size {size_a} in {a} and {size_b} in {b}: sizes must be equal, or one "
    "of them 1, so {expression} fails.":
        "La dimensión {dim} mide {size_a} en {a} y {size_b} en {b}: los tamaños deben ser "
        "iguales, o uno de ellos 1, así que {expression} falla.",
    "{plain} works and gives shape {result}, but {expression} writes into {a} itself, and {a} "
    "(shape {shape_a}) cannot grow to {result}: write c = {plain} instead.":
        "{plain} funciona y da forma {result}, pero {expression} escribe en el propio {a}, y {a} "
        "(forma {shape_a}) no puede crecer a {result}: escribe c = {plain} en su lugar.",
    "{scalar} is a 0-d tensor (a single number): it broadcasts with any shape, so {expression} "
    "works and gives shape {result}.":
        "{scalar} es un tensor 0-d (un solo número): hace broadcasting con cualquier forma, así "
        "que {expression} funciona y da forma {result}.",
    "Every dimension matches (or is a padded 1), so {expression} works element by element and "
    "gives shape {result}.":
        "Todas las dimensiones coinciden (o son un 1 de relleno), así que {expression} funciona "
        "elemento a elemento y da forma {result}.",
    "Dimension {dim} has size {size_a} in {a} and {size_b} in {b}: a size-0 dimension "
    "broadcasts only against 0 or 1, so {expression} fails.":
        "La dimensión {dim} mide {size_a} en {a} y {size_b} en {b}: una dimensión de tamaño 0 "
        "solo hace broadcasting con 0 o con 1, así que {expression} falla.",
    "Broadcast {expression}: shapes only": "Broadcasting de {expression}: solo formas",
    "{name} is repeated along dimension(s) {dims}":
        "{name} se repite en la(s) dimensión(es) {dims}",
    "Broadcast {expression}": "Broadcasting de {expression}",
    "The picture draws tensors of up to {ndim} dimensions; {shape} has {count}. The alignment "
    "table explains it all the same.":
        "El dibujo muestra tensores de hasta {ndim} dimensiones; {shape} tiene {count}. La tabla "
        "de alineación lo explica igualmente.",
    "The picture draws tensors of up to {limit} elements so every number stays readable; "
    "{shape} has {count}. The alignment table explains it all the same.":
        "El dibujo muestra tensores de hasta {limit} elementos para que cada número se pueda "
        "leer; {shape} tiene {count}. La tabla de alineación lo explica igualmente.",
    "{shape} would need {size}, more than the {guard} allowed for one tensor: it is explained "
    "from its shape alone, without allocating, and not drawn.":
        "{shape} necesitaría {size}, más de los {guard} permitidos para un tensor: se explica "
        "solo a partir de su forma, sin reservar memoria, y no se dibuja.",
    # code comments
    "{expression} raises the same error as:": "{expression} lanza el mismo error que:",
    "one number viewed as any shape: no memory":
        "un solo número visto con cualquier forma: sin memoria",
    "a real tensor to write into": "un tensor real en el que escribir",
    "a shape without data": "una forma sin datos",
    "stride 0 = stretched without copying": "stride 0 = estirado sin copiar",
    "the out-of-place form makes a new tensor": "la forma no in-place crea un tensor nuevo",
    "writes into {name} and returns it": "escribe en {name} y lo devuelve",
    # engine/broadcasting/probe.py: shapes of 2^63 elements or more
    "a shape without data, of 1-byte elements so that its size in bytes fits in 64 bits":
        "una forma sin datos, de elementos de 1 byte para que su tamaño en bytes quepa en 64 "
        "bits",
    "No tensor of shape {shape} can exist in PyTorch: its number of elements does not fit in "
    "64 bits, so {expression} cannot even be written. The error shown is the broadcasting "
    "rule's own text, from torch.broadcast_shapes.":
        "En PyTorch no puede existir ningún tensor de forma {shape}: su número de elementos no "
        "cabe en 64 bits, así que {expression} ni siquiera se puede escribir. El error que se "
        "muestra es el texto de la propia regla de broadcasting, de torch.broadcast_shapes.",
    "No tensor of shape {shape} can exist in PyTorch: its number of elements does not fit in "
    "64 bits, so {expression} cannot even be written. The error shown is PyTorch's refusal "
    "to make such a tensor.":
        "En PyTorch no puede existir ningún tensor de forma {shape}: su número de elementos no "
        "cabe en 64 bits, así que {expression} ni siquiera se puede escribir. El error que se "
        "muestra es la negativa de PyTorch a crear ese tensor.",
    # 4-D pictures (engine/broadcasting/picture_data.py)
    "The picture draws a 4-D tensor as 3-D blocks of up to {block} elements each, {limit} in "
    "all, so every number stays readable; {shape} has blocks of {count}. The alignment table "
    "explains it all the same.":
        "El dibujo muestra un tensor 4-D como bloques 3-D de hasta {block} elementos cada uno, "
        "{limit} en total, para que cada número se pueda leer; {shape} tiene bloques de {count}. "
        "La tabla de alineación lo explica igualmente.",
}
