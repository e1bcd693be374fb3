<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es_ES">
<context>
    <name>AutogradCurves</name>
    <message>
        <location filename="../../gui/autograd/curves.py" line="84"/>
        <source>Forward: {y} against {x}</source>
        <translation>Hacia delante: {y} frente a {x}</translation>
    </message>
    <message>
        <location filename="../../gui/autograd/curves.py" line="85"/>
        <source>After backward: {x}.grad against {x}</source>
        <translation>Tras backward: {x}.grad frente a {x}</translation>
    </message>
    <message>
        <location filename="../../gui/autograd/curves.py" line="86"/>
        <source>Which step to plot against {x}</source>
        <translation>Qué paso dibujar frente a {x}</translation>
    </message>
    <message>
        <location filename="../../gui/autograd/curves.py" line="98"/>
        <source>Run backward() to plot the gradient.</source>
        <translation>Ejecuta backward() para dibujar el gradiente.</translation>
    </message>
    <message>
        <location filename="../../gui/autograd/curves.py" line="100"/>
        <source>{x}.grad (autograd)</source>
        <translation>{x}.grad (autograd)</translation>
    </message>
    <message>
        <location filename="../../gui/autograd/curves.py" line="102"/>
        <source>finite differences</source>
        <translation>diferencias finitas</translation>
    </message>
    <message>
        <location filename="../../gui/autograd/curves.py" line="104"/>
        <source>closed form {formula}</source>
        <translation>forma cerrada {formula}</translation>
    </message>
</context>
<context>
    <name>AutogradTab</name>
    <message>
        <location filename="../../gui/autograd/tab.py" line="159"/>
        <source>Expressions</source>
        <translation>Expresiones</translation>
    </message>
    <message>
        <location filename="../../gui/autograd/tab.py" line="160"/>
        <source>Presets</source>
        <translation>Ejemplos</translation>
    </message>
    <message>
        <location filename="../../gui/autograd/tab.py" line="161"/>
        <source>Tiny model</source>
        <translation>Modelo pequeño</translation>
    </message>
    <message>
        <location filename="../../gui/autograd/tab.py" line="164"/>
        <source>One step per row: a name and an expression. You can use numbers, pi, e, the names defined above, + - * / ** @ and the functions linspace, arange, ones, zeros, rand, randn, sin, cos, tan, exp, log, sqrt, abs, tanh, sigmoid, relu, square, detach, sum, mean, pow, maximum, minimum. requires_grad=True makes a leaf that autograd tracks. There is no attribute access: write sum(d), not d.sum().</source>
        <translation>Un paso por fila: un nombre y una expresión. Puedes usar números, pi, e, los nombres definidos arriba, + - * / ** @ y las funciones linspace, arange, ones, zeros, rand, randn, sin, cos, tan, exp, log, sqrt, abs, tanh, sigmoid, relu, square, detach, sum, mean, pow, maximum, minimum. requires_grad=True crea una hoja que autograd registra. No hay acceso a atributos: escribe sum(d), no d.sum().</translation>
    </message>
    <message>
        <location filename="../../gui/autograd/tab.py" line="172"/>
        <source>Autograd:</source>
        <translation>Autograd:</translation>
    </message>
    <message>
        <location filename="../../gui/autograd/tab.py" line="175"/>
        <source>on (tracked)</source>
        <translation>activado (registra)</translation>
    </message>
    <message>
        <location filename="../../gui/autograd/tab.py" line="176"/>
        <source>with torch.no_grad()</source>
        <translation>con torch.no_grad()</translation>
    </message>
    <message>
        <location filename="../../gui/autograd/tab.py" line="177"/>
        <source>with torch.inference_mode()</source>
        <translation>con torch.inference_mode()</translation>
    </message>
    <message>
        <location filename="../../gui/autograd/tab.py" line="182"/>
        <source>Run the steps normally or inside a block that turns autograd off</source>
        <translation>Ejecuta los pasos normalmente o dentro de un bloque que desactiva autograd</translation>
    </message>
    <message>
        <location filename="../../gui/autograd/tab.py" line="184"/>
        <source>requires_grad=True</source>
        <translation>requires_grad=True</translation>
    </message>
    <message>
        <location filename="../../gui/autograd/tab.py" line="186"/>
        <source>Switch requires_grad between True and False in every step that sets it</source>
        <translation>Cambia requires_grad entre True y False en cada paso que lo indica</translation>
    </message>
    <message>
        <location filename="../../gui/autograd/tab.py" line="188"/>
        <source>Run</source>
        <translation>Ejecutar</translation>
    </message>
    <message>
        <location filename="../../gui/autograd/tab.py" line="190"/>
        <source>Compute the steps and draw the grad_fn graph of the last one</source>
        <translation>Calcula los pasos y dibuja el grafo grad_fn del último</translation>
    </message>
    <message>
        <location filename="../../gui/autograd/tab.py" line="192"/>
        <source>backward()</source>
        <translation>backward()</translation>
    </message>
    <message>
        <location filename="../../gui/autograd/tab.py" line="194"/>
        <source>Call backward() on the last step, recording every node it runs</source>
        <translation>Llama a backward() sobre el último paso, registrando cada nodo que ejecuta</translation>
    </message>
    <message>
        <location filename="../../gui/autograd/tab.py" line="249"/>
        <source>Running the expressions</source>
        <translation>Ejecutando las expresiones</translation>
    </message>
    <message>
        <location filename="../../gui/autograd/tab.py" line="279"/>
        <source>{name} is not a single number: backward() needs a scalar (try sum({name})).</source>
        <translation>{name} no es un único número: backward() necesita un escalar (prueba sum({name})).</translation>
    </message>
    <message>
        <location filename="../../gui/autograd/tab.py" line="285"/>
        <source>No step has a grad_fn: nothing is tracked. Give a leaf requires_grad=True.</source>
        <translation>Ningún paso tiene grad_fn: no se registra nada. Da a una hoja requires_grad=True.</translation>
    </message>
    <message>
        <location filename="../../gui/autograd/tab.py" line="317"/>
        <location filename="../../gui/autograd/tab.py" line="331"/>
        <source>Running backward()</source>
        <translation>Ejecutando backward()</translation>
    </message>
    <message>
        <location filename="../../gui/autograd/tab.py" line="386"/>
        <source>backward() ran {count} nodes. Use Step to replay them in order.</source>
        <translation>backward() ejecutó {count} nodos. Usa Paso para repetirlos en orden.</translation>
    </message>
    <message>
        <location filename="../../gui/autograd/tab.py" line="402"/>
        <source>Reading node details</source>
        <translation>Leyendo los detalles del nodo</translation>
    </message>
    <message>
        <location filename="../../gui/autograd/tab.py" line="416"/>
        <source>Backward replay reset: press Step.</source>
        <translation>Repetición de backward reiniciada: pulsa Paso.</translation>
    </message>
    <message>
        <location filename="../../gui/autograd/tab.py" line="420"/>
        <source>Step {n} of {total}: {name} receives the gradient of its output and passes it on.</source>
        <translation>Paso {n} de {total}: {name} recibe el gradiente de su salida y lo transmite.</translation>
    </message>
</context>
<context>
    <name>BackwardPlayer</name>
    <message>
        <location filename="../../gui/autograd/backward_player.py" line="42"/>
        <source>Step</source>
        <translation>Paso</translation>
    </message>
    <message>
        <location filename="../../gui/autograd/backward_player.py" line="43"/>
        <source>Run the next node of the backward pass</source>
        <translation>Ejecuta el siguiente nodo del paso hacia atrás</translation>
    </message>
    <message>
        <location filename="../../gui/autograd/backward_player.py" line="44"/>
        <source>Run all</source>
        <translation>Ejecutar todo</translation>
    </message>
    <message>
        <location filename="../../gui/autograd/backward_player.py" line="45"/>
        <source>Reset</source>
        <translation>Reiniciar</translation>
    </message>
</context>
<context>
    <name>GraphView</name>
    <message>
        <location filename="../../gui/autograd/graph_view.py" line="70"/>
        <source>Fit</source>
        <translation>Ajustar</translation>
    </message>
    <message>
        <location filename="../../gui/autograd/graph_view.py" line="71"/>
        <source>Show the whole graph (drag to pan, wheel to zoom)</source>
        <translation>Muestra todo el grafo (arrastra para desplazar, rueda para ampliar)</translation>
    </message>
    <message>
        <location filename="../../gui/autograd/graph_view.py" line="183"/>
        <source>{nodes} nodes · {edges} edges · {leaves} leaves · layout {ms} ms</source>
        <translation>{nodes} nodos · {edges} aristas · {leaves} hojas · colocación {ms} ms</translation>
    </message>
</context>
<context>
    <name>ModelJobs</name>
    <message>
        <location filename="../../gui/autograd/side_jobs.py" line="91"/>
        <source>Building the tiny model</source>
        <translation>Creando el modelo pequeño</translation>
    </message>
    <message>
        <location filename="../../gui/autograd/side_jobs.py" line="106"/>
        <source>The loss&apos;s graph: the parameters are the green AccumulateGrad leaves; click one to see its gradient.</source>
        <translation>El grafo de la pérdida: los parámetros son las hojas AccumulateGrad verdes; haz clic en una para ver su gradiente.</translation>
    </message>
    <message>
        <location filename="../../gui/autograd/side_jobs.py" line="122"/>
        <source>Training the tiny model</source>
        <translation>Entrenando el modelo pequeño</translation>
    </message>
    <message>
        <location filename="../../gui/autograd/side_jobs.py" line="158"/>
        <source>Recording the steps already trained</source>
        <translation>Registrando los pasos ya entrenados</translation>
    </message>
</context>
<context>
    <name>ModelPanel</name>
    <message>
        <location filename="../../gui/autograd/model_panel.py" line="90"/>
        <source>New model + one step</source>
        <translation>Modelo nuevo + un paso</translation>
    </message>
    <message>
        <location filename="../../gui/autograd/model_panel.py" line="91"/>
        <source>Linear(2, 8) → ReLU → Linear(8, 1), MSE loss, SGD lr=0.1, on 64 seeded random points</source>
        <translation>Linear(2, 8) → ReLU → Linear(8, 1), pérdida MSE, SGD lr=0.1, sobre 64 puntos aleatorios con semilla</translation>
    </message>
    <message>
        <location filename="../../gui/autograd/model_panel.py" line="93"/>
        <source>Train</source>
        <translation>Entrenar</translation>
    </message>
    <message>
        <location filename="../../gui/autograd/model_panel.py" line="94"/>
        <source> steps</source>
        <translation> pasos</translation>
    </message>
    <message>
        <location filename="../../gui/autograd/model_panel.py" line="95"/>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <location filename="../../gui/autograd/model_panel.py" line="97"/>
        <source>Parameter</source>
        <translation>Parámetro</translation>
    </message>
    <message>
        <location filename="../../gui/autograd/model_panel.py" line="97"/>
        <source>grad after backward</source>
        <translation>grad tras backward</translation>
    </message>
    <message>
        <location filename="../../gui/autograd/model_panel.py" line="97"/>
        <source>before step()</source>
        <translation>antes de step()</translation>
    </message>
    <message>
        <location filename="../../gui/autograd/model_panel.py" line="98"/>
        <source>after step()</source>
        <translation>tras step()</translation>
    </message>
    <message>
        <location filename="../../gui/autograd/model_panel.py" line="98"/>
        <source>grad after zero_grad()</source>
        <translation>grad tras zero_grad()</translation>
    </message>
    <message>
        <location filename="../../gui/autograd/model_panel.py" line="99"/>
        <source>Training loss</source>
        <translation>Pérdida de entrenamiento</translation>
    </message>
    <message>
        <location filename="../../gui/autograd/model_panel.py" line="100"/>
        <source>step</source>
        <translation>paso</translation>
    </message>
    <message>
        <location filename="../../gui/autograd/model_panel.py" line="110"/>
        <source>Build the model to see its loss graph, each parameter&apos;s gradient and what optimizer.step() changes.</source>
        <translation>Crea el modelo para ver el grafo de su pérdida, el gradiente de cada parámetro y lo que cambia optimizer.step().</translation>
    </message>
    <message>
        <location filename="../../gui/autograd/model_panel.py" line="114"/>
        <source>Loss {loss:.4f}. {explanation}</source>
        <translation>Pérdida {loss:.4f}. {explanation}</translation>
    </message>
</context>
<context>
    <name>NodeDetailsPanel</name>
    <message>
        <location filename="../../gui/autograd/details.py" line="99"/>
        <source>Node details</source>
        <translation>Detalles del nodo</translation>
    </message>
    <message>
        <location filename="../../gui/autograd/details.py" line="100"/>
        <source>Click a node of the graph to see what it saved and the gradients that flow through it.</source>
        <translation>Haz clic en un nodo del grafo para ver lo que guardó y los gradientes que pasan por él.</translation>
    </message>
    <message>
        <location filename="../../gui/autograd/details.py" line="103"/>
        <source>Node {index}: {name}</source>
        <translation>Nodo {index}: {name}</translation>
    </message>
    <message>
        <location filename="../../gui/autograd/details.py" line="105"/>
        <source>none (a leaf)</source>
        <translation>ninguna (una hoja)</translation>
    </message>
    <message>
        <location filename="../../gui/autograd/details.py" line="106"/>
        <source>next_functions: {nexts}</source>
        <translation>next_functions: {nexts}</translation>
    </message>
    <message>
        <location filename="../../gui/autograd/details.py" line="125"/>
        <source>Produced tensor {name} {shape}</source>
        <translation>Tensor producido {name} {shape}</translation>
    </message>
    <message>
        <location filename="../../gui/autograd/details.py" line="129"/>
        <source>Leaf tensor {name} {shape}</source>
        <translation>Tensor hoja {name} {shape}</translation>
    </message>
    <message>
        <location filename="../../gui/autograd/details.py" line="132"/>
        <source>{name} (the leaf&apos;s gradient)</source>
        <translation>{name} (el gradiente de la hoja)</translation>
    </message>
    <message>
        <location filename="../../gui/autograd/details.py" line="135"/>
        <source>Saved {name}: {value}</source>
        <translation>Guardado {name}: {value}</translation>
    </message>
    <message>
        <location filename="../../gui/autograd/details.py" line="138"/>
        <source>No saved tensors</source>
        <translation>Sin tensores guardados</translation>
    </message>
    <message>
        <location filename="../../gui/autograd/details.py" line="144"/>
        <source>Gradients appear here after backward()</source>
        <translation>Los gradientes aparecen aquí tras backward()</translation>
    </message>
    <message>
        <location filename="../../gui/autograd/details.py" line="147"/>
        <source>Gradient in [{i}] (arriving): {value}</source>
        <translation>Gradiente de entrada [{i}] (llega): {value}</translation>
    </message>
    <message>
        <location filename="../../gui/autograd/details.py" line="150"/>
        <source>Gradient out [{i}] (to next_functions): {value}</source>
        <translation>Gradiente de salida [{i}] (a next_functions): {value}</translation>
    </message>
</context>
<context>
    <name>PresetJobs</name>
    <message>
        <location filename="../../gui/autograd/side_jobs.py" line="33"/>
        <source>Running preset</source>
        <translation>Ejecutando el ejemplo</translation>
    </message>
    <message>
        <location filename="../../gui/autograd/side_jobs.py" line="51"/>
        <source>Preset: {title}</source>
        <translation>Ejemplo: {title}</translation>
    </message>
    <message>
        <location filename="../../gui/autograd/side_jobs.py" line="56"/>
        <source>This preset stops with an error: read what PyTorch says in the Presets panel.</source>
        <translation>Este ejemplo termina con un error: lee lo que dice PyTorch en el panel Ejemplos.</translation>
    </message>
    <message>
        <location filename="../../gui/autograd/side_jobs.py" line="63"/>
        <source>Preset graph: click a node to inspect it, or run backward() and step through it.</source>
        <translation>Grafo del ejemplo: haz clic en un nodo para inspeccionarlo, o ejecuta backward() y recórrelo paso a paso.</translation>
    </message>
    <message>
        <location filename="../../gui/autograd/side_jobs.py" line="68"/>
        <source>Preset graph: click a node to inspect it.</source>
        <translation>Grafo del ejemplo: haz clic en un nodo para inspeccionarlo.</translation>
    </message>
</context>
<context>
    <name>PresetsPanel</name>
    <message>
        <location filename="../../gui/autograd/presets_panel.py" line="85"/>
        <source>Off/on: a.requires_grad = False</source>
        <translation>Apagar/encender: a.requires_grad = False</translation>
    </message>
    <message>
        <location filename="../../gui/autograd/presets_panel.py" line="86"/>
        <source>Off/on: with torch.no_grad()</source>
        <translation>Apagar/encender: with torch.no_grad()</translation>
    </message>
    <message>
        <location filename="../../gui/autograd/presets_panel.py" line="87"/>
        <source>Off/on: torch.enable_grad() inside no_grad</source>
        <translation>Apagar/encender: torch.enable_grad() dentro de no_grad</translation>
    </message>
    <message>
        <location filename="../../gui/autograd/presets_panel.py" line="88"/>
        <source>Off/on: torch.inference_mode()</source>
        <translation>Apagar/encender: torch.inference_mode()</translation>
    </message>
    <message>
        <location filename="../../gui/autograd/presets_panel.py" line="89"/>
        <source>Off/on: @torch.no_grad() decorator</source>
        <translation>Apagar/encender: decorador @torch.no_grad()</translation>
    </message>
    <message>
        <location filename="../../gui/autograd/presets_panel.py" line="90"/>
        <source>Off/on: x.detach()</source>
        <translation>Apagar/encender: x.detach()</translation>
    </message>
    <message>
        <location filename="../../gui/autograd/presets_panel.py" line="91"/>
        <source>Gradients accumulate; grad.zero_()</source>
        <translation>Los gradientes se acumulan; grad.zero_()</translation>
    </message>
    <message>
        <location filename="../../gui/autograd/presets_panel.py" line="92"/>
        <source>Error: backward twice without retain_graph</source>
        <translation>Error: backward dos veces sin retain_graph</translation>
    </message>
    <message>
        <location filename="../../gui/autograd/presets_panel.py" line="93"/>
        <source>Error: in-place sin_ on a leaf</source>
        <translation>Error: sin_ in situ sobre una hoja</translation>
    </message>
    <message>
        <location filename="../../gui/autograd/presets_panel.py" line="94"/>
        <source>Error: in-place change of a saved tensor</source>
        <translation>Error: cambio in situ de un tensor guardado</translation>
    </message>
    <message>
        <location filename="../../gui/autograd/presets_panel.py" line="95"/>
        <source>Error: backward() on a non-scalar</source>
        <translation>Error: backward() sobre un no escalar</translation>
    </message>
    <message>
        <location filename="../../gui/autograd/presets_panel.py" line="96"/>
        <source>Error: .numpy() on a tensor that requires grad</source>
        <translation>Error: .numpy() sobre un tensor que requiere gradiente</translation>
    </message>
    <message>
        <location filename="../../gui/autograd/presets_panel.py" line="97"/>
        <source>Large graph: ResNet-18</source>
        <translation>Grafo grande: ResNet-18</translation>
    </message>
    <message>
        <location filename="../../gui/autograd/presets_panel.py" line="98"/>
        <source>Large graph: ResNet-50</source>
        <translation>Grafo grande: ResNet-50</translation>
    </message>
    <message>
        <location filename="../../gui/autograd/presets_panel.py" line="99"/>
        <source>Large graph: DenseNet-121</source>
        <translation>Grafo grande: DenseNet-121</translation>
    </message>
    <message>
        <location filename="../../gui/autograd/presets_panel.py" line="100"/>
        <source>Large graph: a chain of 2,000 operations</source>
        <translation>Grafo grande: una cadena de 2000 operaciones</translation>
    </message>
    <message>
        <location filename="../../gui/autograd/presets_panel.py" line="106"/>
        <source>Run preset</source>
        <translation>Ejecutar ejemplo</translation>
    </message>
    <message>
        <location filename="../../gui/autograd/presets_panel.py" line="107"/>
        <source>PyTorch says:</source>
        <translation>PyTorch dice:</translation>
    </message>
    <message>
        <location filename="../../gui/autograd/presets_panel.py" line="108"/>
        <source>Tensor</source>
        <translation>Tensor</translation>
    </message>
    <message>
        <location filename="../../gui/autograd/presets_panel.py" line="108"/>
        <source>requires_grad</source>
        <translation>requires_grad</translation>
    </message>
    <message>
        <location filename="../../gui/autograd/presets_panel.py" line="109"/>
        <source>is_leaf</source>
        <translation>is_leaf</translation>
    </message>
    <message>
        <location filename="../../gui/autograd/presets_panel.py" line="109"/>
        <source>grad_fn</source>
        <translation>grad_fn</translation>
    </message>
    <message>
        <location filename="../../gui/autograd/presets_panel.py" line="110"/>
        <source>Values</source>
        <translation>Valores</translation>
    </message>
    <message>
        <location filename="../../gui/autograd/presets_panel.py" line="111"/>
        <source>Shape, dtype and values</source>
        <translation>Forma, dtype y valores</translation>
    </message>
</context>
<context>
    <name>StepsEditor</name>
    <message>
        <location filename="../../gui/autograd/steps.py" line="69"/>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <location filename="../../gui/autograd/steps.py" line="69"/>
        <source>Expression</source>
        <translation>Expresión</translation>
    </message>
    <message>
        <location filename="../../gui/autograd/steps.py" line="70"/>
        <source>Shape</source>
        <translation>Forma</translation>
    </message>
    <message>
        <location filename="../../gui/autograd/steps.py" line="70"/>
        <source>requires_grad</source>
        <translation>requires_grad</translation>
    </message>
    <message>
        <location filename="../../gui/autograd/steps.py" line="71"/>
        <source>grad_fn</source>
        <translation>grad_fn</translation>
    </message>
    <message>
        <location filename="../../gui/autograd/steps.py" line="72"/>
        <source>Add step</source>
        <translation>Añadir paso</translation>
    </message>
    <message>
        <location filename="../../gui/autograd/steps.py" line="73"/>
        <source>Remove step</source>
        <translation>Quitar paso</translation>
    </message>
    <message>
        <location filename="../../gui/autograd/steps.py" line="74"/>
        <source>Numbers, names defined above, + - * / ** @ and functions such as sin, cos, exp, log, relu, sum, mean, linspace, ones, rand</source>
        <translation>Números, nombres definidos arriba, + - * / ** @ y funciones como sin, cos, exp, log, relu, sum, mean, linspace, ones, rand</translation>
    </message>
</context>
</TS>
