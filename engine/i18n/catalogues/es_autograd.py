"""Spanish texts of the Autograd tab's engine messages (lines, graph, presets, model)."""

MESSAGES = {
    # lines of the language, program, backward
    "The tab runs backward() itself, recording every node: write `{root}.backward()` or "
    "`{root}.backward(gradient)`.":
        "La pestaña ejecuta backward() ella misma, registrando cada nodo: escribe "
        "`{root}.backward()` o `{root}.backward(gradient)`.",
    "Each line runs as typed; tensors computed from a tensor with requires_grad=True record a "
    "grad_fn.":
        "Cada línea se ejecuta tal como se escribe; los tensores calculados a partir de un "
        "tensor con requires_grad=True registran un grad_fn.",
    "The gradient given to backward() must be a tensor shaped like {root}.":
        "El gradiente que se pasa a backward() debe ser un tensor con la forma de {root}.",
    "Nothing to differentiate: no line made a tensor with a grad_fn. Give a leaf "
    "requires_grad=True.":
        "Nada que derivar: ninguna línea creó un tensor con grad_fn. Da a una hoja "
        "requires_grad=True.",
    "backward() fills .grad of every leaf that requires grad.":
        "backward() rellena .grad de cada hoja que requiere gradiente.",
    "backward() on '{name}' failed.": "backward() sobre '{name}' falló.",
    "'{name}' has {count} elements: backward() without a gradient argument only works on a "
    "single number. Reduce it first, e.g. {name}.sum().":
        "'{name}' tiene {count} elementos: backward() sin argumento de gradiente solo funciona "
        "sobre un único número. Redúcelo antes, p. ej. {name}.sum().",
    "'{name}' has no grad_fn: nothing was recorded for it. Give a leaf requires_grad=True (and "
    "run with autograd on).":
        "'{name}' no tiene grad_fn: no se registró nada para él. Da a una hoja "
        "requires_grad=True (y ejecuta con autograd activado).",
    "Forward steps": "Pasos hacia delante",
    "Backward pass": "Paso hacia atrás",
    # presets
    "Running the preset": "Ejecutando el ejemplo",
    "Extracting the graph": "Extrayendo el grafo",
    "Laying out the graph": "Colocando el grafo",
    "Preset: {key}": "Ejemplo: {key}",
    "b1 was computed while a.requires_grad was True, so it has a grad_fn; after "
    "a.requires_grad = False, b2 has none: nothing is tracked.":
        "b1 se calculó cuando a.requires_grad era True, así que tiene grad_fn; tras "
        "a.requires_grad = False, b2 no tiene ninguno: no se registra nada.",
    "Inside torch.no_grad() nothing is recorded: c2 has no grad_fn although a and b require "
    "grad. c1 and c3, computed outside, are tracked.":
        "Dentro de torch.no_grad() no se registra nada: c2 no tiene grad_fn aunque a y b "
        "requieren gradiente. c1 y c3, calculados fuera, sí se registran.",
    "torch.enable_grad() switches tracking back on inside a no_grad block: y1 has no grad_fn, "
    "y2 has one.":
        "torch.enable_grad() vuelve a activar el registro dentro de un bloque no_grad: y1 no "
        "tiene grad_fn, y2 sí.",
    "torch.inference_mode() is a stricter, faster no_grad: y is an inference tensor "
    "(is_inference() = {flag}) that can never join a graph later.":
        "torch.inference_mode() es un no_grad más estricto y rápido: y es un tensor de "
        "inferencia (is_inference() = {flag}) que nunca podrá unirse a un grafo.",
    "@torch.no_grad() on a function turns tracking off inside it: c2 = add_tensors2(a, b) has "
    "no grad_fn, c1 has one.":
        "@torch.no_grad() sobre una función desactiva el registro dentro de ella: "
        "c2 = add_tensors2(a, b) no tiene grad_fn, c1 sí.",
    "x.detach() returns a tensor sharing x's values but without history: y.requires_grad is "
    "False and y has no grad_fn.":
        "x.detach() devuelve un tensor que comparte los valores de x pero sin historial: "
        "y.requires_grad es False e y no tiene grad_fn.",
    "Gradients add up: after two backward() calls x.grad is twice the first one. "
    "x.grad.zero_() resets it to zeros (optimizers do this in zero_grad()).":
        "Los gradientes se acumulan: tras dos llamadas a backward(), x.grad es el doble que "
        "tras la primera. x.grad.zero_() lo pone a cero (los optimizadores lo hacen en "
        "zero_grad()).",
    "The first backward() freed the tensors saved by MulBackward0. Pass retain_graph=True to "
    "the first call if you need to go backward twice.":
        "El primer backward() liberó los tensores guardados por MulBackward0. Pasa "
        "retain_graph=True en la primera llamada si necesitas ir hacia atrás dos veces.",
    "a is a leaf that requires grad: changing it in place (sin_) would destroy the value its "
    "gradient is measured against. Use b = torch.sin(a) instead.":
        "a es una hoja que requiere gradiente: cambiarla in situ (sin_) destruiría el valor "
        "respecto al que se mide su gradiente. Usa b = torch.sin(a) en su lugar.",
    "SinBackward0 saved b at version {saved} to compute cos(b) later; b.mul_(3) changed it in "
    "place to version {now}, so backward() refuses to use it. Compute b * 3 into a new tensor "
    "instead.":
        "SinBackward0 guardó b en la versión {saved} para calcular cos(b) después; b.mul_(3) "
        "lo cambió in situ a la versión {now}, así que backward() se niega a usarlo. Calcula "
        "b * 3 en un tensor nuevo.",
    "b has 5 elements: backward() without an argument needs a single number. Use "
    "b.sum().backward() or b.backward(torch.ones_like(b)).":
        "b tiene 5 elementos: backward() sin argumento necesita un único número. Usa "
        "b.sum().backward() o b.backward(torch.ones_like(b)).",
    "numpy arrays have no history, so PyTorch refuses to convert a tensor that requires grad. "
    "Use a.detach().numpy().":
        "Los arrays de numpy no tienen historial, así que PyTorch se niega a convertir un "
        "tensor que requiere gradiente. Usa a.detach().numpy().",
    "A chain of 2,000 operations: the graph is walked with an explicit stack, so Python's "
    "recursion limit never matters.":
        "Una cadena de 2000 operaciones: el grafo se recorre con una pila explícita, así que "
        "el límite de recursión de Python nunca importa.",
    "A model with random weights ({count} parameters) on a {shape} input; every parameter is "
    "an AccumulateGrad leaf. Nodes are grouped by the module that made them: double-click a "
    "box to open it.":
        "Un modelo con pesos aleatorios ({count} parámetros) sobre una entrada de {shape}; cada "
        "parámetro es una hoja AccumulateGrad. Los nodos se agrupan por el módulo que los creó: "
        "haz doble clic en una caja para abrirla.",
    "The note's example: out = (2 sin(a) + 1).sum(). Five nodes, one AccumulateGrad leaf for "
    "a.":
        "El ejemplo de la nota: out = (2 sin(a) + 1).sum(). Cinco nodos, una hoja "
        "AccumulateGrad para a.",
    "Importing torch": "Importando torch",
    "Walk the grad_fn graph from a root to the leaves, visiting each node once":
        "Recorre el grafo de grad_fn desde una raíz hasta las hojas, visitando cada nodo una "
        "vez",
    # tiny model
    "backward() fills each parameter's .grad; optimizer.step() moves each parameter by "
    "-lr × grad; zero_grad() clears the gradients (to None).":
        "backward() rellena .grad de cada parámetro; optimizer.step() mueve cada parámetro "
        "-lr × grad; zero_grad() borra los gradientes (a None).",
    "Tiny model: one training step": "Modelo pequeño: un paso de entrenamiento",
    "The number of steps must be between 1 and {limit}.":
        "El número de pasos debe estar entre 1 y {limit}.",
    "Training loop": "Bucle de entrenamiento",
    "Each step: zero_grad, forward, loss, backward, optimizer.step.":
        "Cada paso: zero_grad, forward, pérdida, backward, optimizer.step.",
    "Training step {step}": "Paso de entrenamiento {step}",
    "Training loop (stopped after {done} of {planned} steps)":
        "Bucle de entrenamiento (detenido tras {done} de {planned} pasos)",
    "Training was cancelled: the loop runs only the {done} steps that changed the model "
    "shown.":
        "Se canceló el entrenamiento: el bucle ejecuta solo los {done} pasos que cambiaron el "
        "modelo que se muestra.",
    "Unknown preset.": "Ejemplo desconocido.",
    "Importing torchvision": "Importando torchvision",
    "Building the model (random weights)": "Construyendo el modelo (pesos aleatorios)",
    "Running the forward pass": "Ejecutando la pasada hacia delante",
    # Comments in the code of the presets, the tiny model and backward().
    "the graph's saved tensors were freed by the first call":
        "la primera llamada liberó los tensores guardados del grafo",
    "sin saves b to compute cos(b) in backward":
        "sin guarda b para calcular cos(b) en backward",
    "in place: b changes after it was saved": "en el sitio: b cambia después de guardarse",
    "retain_graph=True: the app keeps the loss's graph so you can still click its nodes":
        "retain_graph=True: la app conserva el grafo de la pérdida para que aún puedas pulsar "
        "sus nodos",
    "retain_graph=True: the app keeps the graph to show the nodes'\n"
    "# saved tensors after backward (plain backward() frees them).":
        "retain_graph=True: la app conserva el grafo para mostrar los tensores\n"
        "# guardados de los nodos tras backward (backward() a secas los libera).",
    "the lines rebound these names; the next steps need their usual meaning":
        "las líneas reasignaron estos nombres; los pasos siguientes necesitan su significado "
        "habitual",
}
