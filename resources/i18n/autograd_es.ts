<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="es_ES">
<context>
    <name>AutogradCurves</name>
    <message>
        <location filename="../../gui/autograd/curves.py" line="95" />
        <source>Forward: {y} against {x}</source>
        <translation>Hacia delante: {y} frente a {x}</translation>
    </message>
    <message>
        <location filename="../../gui/autograd/curves.py" line="96" />
        <source>After backward: {x}.grad against {x}</source>
        <translation>Tras backward: {x}.grad frente a {x}</translation>
    </message>
    <message>
        <location filename="../../gui/autograd/curves.py" line="97" />
        <source>Which step to plot against {x}</source>
        <translation>Qué paso dibujar frente a {x}</translation>
    </message>
    <message>
        <location filename="../../gui/autograd/curves.py" line="126" />
        <source>autograd</source>
        <translation>autograd</translation>
    </message>
    <message>
        <location filename="../../gui/autograd/curves.py" line="128" />
        <source>finite diff.</source>
        <translation>dif. finitas</translation>
    </message>
    <message>
        <location filename="../../gui/autograd/curves.py" line="136" />
        <source>Run backward() to plot the gradient.</source>
        <translation>Ejecuta backward() para dibujar el gradiente.</translation>
    </message>
    <message>
        <location filename="../../gui/autograd/curves.py" line="145" />
        <source>{x}.grad from autograd, the finite-difference estimate (f(x+h) − f(x−h)) / 2h, and the closed form where one is known: all three agree.</source>
        <translation>{x}.grad de autograd, la estimación por diferencias finitas (f(x+h) − f(x−h)) / 2h y la forma cerrada cuando se conoce: las tres coinciden.</translation>
    </message>
</context>
<context>
    <name>AutogradTab</name>
    <message>
        <location filename="../../gui/autograd/tab.py" line="174" />
        <source>Presets</source>
        <translation>Ejemplos</translation>
    </message>
    <message>
        <location filename="../../gui/autograd/tab.py" line="175" />
        <source>Tiny model</source>
        <translation>Modelo pequeño</translation>
    </message>
    <message>
        <location filename="../../gui/autograd/tab.py" line="184" />
        <source>Autograd:</source>
        <translation>Autograd:</translation>
    </message>
    <message>
        <location filename="../../gui/autograd/tab.py" line="187" />
        <source>on (tracked)</source>
        <translation>activado (registra)</translation>
    </message>
    <message>
        <location filename="../../gui/autograd/tab.py" line="188" />
        <source>with torch.no_grad()</source>
        <translation>con torch.no_grad()</translation>
    </message>
    <message>
        <location filename="../../gui/autograd/tab.py" line="189" />
        <source>with torch.inference_mode()</source>
        <translation>con torch.inference_mode()</translation>
    </message>
    <message>
        <location filename="../../gui/autograd/tab.py" line="196" />
        <source>requires_grad=True</source>
        <translation>requires_grad=True</translation>
    </message>
    <message>
        <location filename="../../gui/autograd/tab.py" line="200" />
        <source>Run</source>
        <translation>Ejecutar</translation>
    </message>
    <message>
        <location filename="../../gui/autograd/tab.py" line="204" />
        <source>backward()</source>
        <translation>backward()</translation>
    </message>
    <message>
        <location filename="../../gui/autograd/tab.py" line="173" />
        <source>Lines</source>
        <translation>Líneas</translation>
    </message>
    <message>
        <location filename="../../gui/autograd/tab.py" line="178" />
        <source>PyTorch as the note writes it, one statement per line (torch and math are imported). requires_grad=True makes a leaf that autograd tracks. The line out.backward() runs the backward pass node by node; the lines after it (a.grad, print(d.grad_fn.next_functions)) run once the gradients are there.</source>
        <translation>PyTorch tal como lo escribe la nota, una instrucción por línea (torch y math ya están importados). requires_grad=True crea una hoja que autograd sigue. La línea out.backward() ejecuta el paso hacia atrás nodo a nodo; las líneas siguientes (a.grad, print(d.grad_fn.next_functions)) se ejecutan cuando ya hay gradientes.</translation>
    </message>
    <message>
        <location filename="../../gui/autograd/tab.py" line="194" />
        <source>Run the lines normally or inside a block that turns autograd off</source>
        <translation>Ejecutar las líneas normalmente o dentro de un bloque que desactiva autograd</translation>
    </message>
    <message>
        <location filename="../../gui/autograd/tab.py" line="198" />
        <source>Switch requires_grad between True and False in every line that sets it</source>
        <translation>Cambiar requires_grad entre True y False en cada línea que lo fija</translation>
    </message>
    <message>
        <location filename="../../gui/autograd/tab.py" line="202" />
        <source>Run the lines and draw the grad_fn graph of the tensor to differentiate</source>
        <translation>Ejecutar las líneas y dibujar el grafo grad_fn del tensor que se deriva</translation>
    </message>
    <message>
        <location filename="../../gui/autograd/tab.py" line="264" />
        <source>Autograd is off ({mode}): nothing was tracked, so backward() has no graph to run. Choose "on (tracked)" to use it.</source>
        <translation>Autograd está desactivado ({mode}): no se registró nada, así que backward() no tiene grafo que recorrer. Elige «activado (registra)» para usarlo.</translation>
    </message>
    <message>
        <location filename="../../gui/autograd/tab.py" line="268" />
        <source>Nothing is tracked: no line made a tensor with a grad_fn. Give a leaf requires_grad=True to use backward().</source>
        <translation>No se registra nada: ninguna línea creó un tensor con grad_fn. Da a una hoja requires_grad=True para usar backward().</translation>
    </message>
    <message>
        <location filename="../../gui/autograd/tab.py" line="271" />
        <source>backward() already ran on this graph: a second call would add to .grad. Edit or run the lines again.</source>
        <translation>backward() ya se ejecutó en este grafo: una segunda llamada sumaría a .grad. Edita o vuelve a ejecutar las líneas.</translation>
    </message>
    <message>
        <location filename="../../gui/autograd/tab.py" line="274" />
        <source>Call backward() on the graph's root, recording every node it runs</source>
        <translation>Llamar a backward() sobre la raíz del grafo, registrando cada nodo que ejecuta</translation>
    </message>
</context>
<context>
    <name>BackwardJobs</name>
    <message>
        <location filename="../../gui/autograd/backward_jobs.py" line="35" />
        <location filename="../../gui/autograd/backward_jobs.py" line="50" />
        <source>Running backward()</source>
        <translation>Ejecutando backward()</translation>
    </message>
    <message>
        <location filename="../../gui/autograd/backward_jobs.py" line="117" />
        <source>backward() ran {count} nodes. Use Step to replay them in order.</source>
        <translation>backward() ejecutó {count} nodos. Usa Paso para repetirlos en orden.</translation>
    </message>
</context>
<context>
    <name>BackwardPlayer</name>
    <message>
        <location filename="../../gui/autograd/backward_player.py" line="47" />
        <source>Step</source>
        <translation>Paso</translation>
    </message>
    <message>
        <location filename="../../gui/autograd/backward_player.py" line="48" />
        <source>Run the next node of the backward pass</source>
        <translation>Ejecuta el siguiente nodo del paso hacia atrás</translation>
    </message>
    <message>
        <location filename="../../gui/autograd/backward_player.py" line="49" />
        <source>Run all</source>
        <translation>Ejecutar todo</translation>
    </message>
    <message>
        <location filename="../../gui/autograd/backward_player.py" line="50" />
        <source>Reset</source>
        <translation>Reiniciar</translation>
    </message>
</context>
<context>
    <name>GraphLegend</name>
    <message>
        <location filename="../../gui/autograd/graph_legend.py" line="45" />
        <source>root: backward() starts here</source>
        <translation>raíz: backward() empieza aquí</translation>
    </message>
    <message>
        <location filename="../../gui/autograd/graph_legend.py" line="46" />
        <source>operation (grad_fn)</source>
        <translation>operación (grad_fn)</translation>
    </message>
    <message>
        <location filename="../../gui/autograd/graph_legend.py" line="47" />
        <source>leaf (AccumulateGrad)</source>
        <translation>hoja (AccumulateGrad)</translation>
    </message>
    <message>
        <location filename="../../gui/autograd/graph_legend.py" line="48" />
        <source>done by backward()</source>
        <translation>hecho por backward()</translation>
    </message>
    <message>
        <location filename="../../gui/autograd/graph_legend.py" line="50" />
        <source>module group</source>
        <translation>grupo de módulo</translation>
    </message>
    <message>
        <location filename="../../gui/autograd/graph_legend.py" line="51" />
        <source>selected</source>
        <translation>seleccionado</translation>
    </message>
</context>
<context>
    <name>GraphSearch</name>
    <message>
        <location filename="../../gui/autograd/graph_search.py" line="37" />
        <source>Search: module or node class</source>
        <translation>Buscar: módulo o clase de nodo</translation>
    </message>
    <message>
        <location filename="../../gui/autograd/graph_search.py" line="38" />
        <source>Type a module name (layer3.1) or a node class (ConvolutionBackward0); Enter goes to the next match</source>
        <translation>Escribe un nombre de módulo (layer3.1) o una clase de nodo (ConvolutionBackward0); Intro va a la siguiente coincidencia</translation>
    </message>
    <message>
        <location filename="../../gui/autograd/graph_search.py" line="85" />
        <source>no match</source>
        <translation>sin coincidencias</translation>
    </message>
    <message>
        <location filename="../../gui/autograd/graph_search.py" line="87" />
        <source>{n} of {total}</source>
        <translation>{n} de {total}</translation>
    </message>
</context>
<context>
    <name>GraphView</name>
    <message>
        <location filename="../../gui/autograd/graph_view.py" line="85" />
        <source>Fit</source>
        <translation>Ajustar</translation>
    </message>
    <message>
        <location filename="../../gui/autograd/graph_view.py" line="86" />
        <source>Show the whole graph (drag to pan, wheel to zoom)</source>
        <translation>Muestra todo el grafo (arrastra para desplazar, rueda para ampliar)</translation>
    </message>
    <message>
        <location filename="../../gui/autograd/graph_view.py" line="87" />
        <source>Open all</source>
        <translation>Abrir todo</translation>
    </message>
    <message>
        <location filename="../../gui/autograd/graph_view.py" line="88" />
        <source>Open every module group</source>
        <translation>Abrir todos los grupos de módulos</translation>
    </message>
    <message>
        <location filename="../../gui/autograd/graph_view.py" line="89" />
        <source>Close all</source>
        <translation>Cerrar todo</translation>
    </message>
    <message>
        <location filename="../../gui/autograd/graph_view.py" line="91" />
        <source>Close every group: one box per top-level module. Double-click a box to open it, a node to close its group.</source>
        <translation>Cerrar todos los grupos: una caja por módulo de primer nivel. Doble clic en una caja para abrirla, en un nodo para cerrar su grupo.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/autograd/graph_view.py" line="170" />
        <location filename="../../gui/autograd/graph_view.py" line="188" />
        <source>%n node(s)</source>
        <translation>
            <numerusform>%n nodo</numerusform>
            <numerusform>%n nodos</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/autograd/graph_view.py" line="178" />
        <source>{title} ({cls}): %n node(s). Double-click to open.</source>
        <translation>
            <numerusform>{title} ({cls}): %n nodo. Doble clic para abrirlo.</numerusform>
            <numerusform>{title} ({cls}): %n nodos. Doble clic para abrirlo.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/autograd/graph_view.py" line="189" />
        <source>%n edge(s)</source>
        <translation>
            <numerusform>1 arista</numerusform>
            <numerusform>%n aristas</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/autograd/graph_view.py" line="190" />
        <source>%n leaf tensor(s)</source>
        <translation>
            <numerusform>1 tensor hoja</numerusform>
            <numerusform>%n tensores hoja</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../gui/autograd/graph_view.py" line="191" />
        <source>layout {ms} ms</source>
        <translation>colocación {ms} ms</translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/autograd/graph_view.py" line="193" />
        <source>%n item(s) shown</source>
        <translation>
            <numerusform>%n elemento mostrado</numerusform>
            <numerusform>%n elementos mostrados</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>GroupJobs</name>
    <message>
        <location filename="../../gui/autograd/group_jobs.py" line="57" />
        <source>Laying out the graph</source>
        <translation>Disponiendo el grafo</translation>
    </message>
    <message>
        <location filename="../../gui/autograd/group_jobs.py" line="85" />
        <source>Reading group details</source>
        <translation>Leyendo los detalles del grupo</translation>
    </message>
</context>
<context>
    <name>LineJobs</name>
    <message>
        <location filename="../../gui/autograd/line_jobs.py" line="36" />
        <source>Running the lines</source>
        <translation>Ejecutando las líneas</translation>
    </message>
    <message>
        <location filename="../../gui/autograd/line_jobs.py" line="68" />
        <source>Add the line {name}.backward() (or press backward()) to run the backward pass node by node.</source>
        <translation>Añade la línea {name}.backward() (o pulsa backward()) para ejecutar el paso hacia atrás nodo a nodo.</translation>
    </message>
    <message>
        <location filename="../../gui/autograd/line_jobs.py" line="75" />
        <source>No line made a tensor with a grad_fn: nothing is tracked. Give a leaf requires_grad=True.</source>
        <translation>Ninguna línea creó un tensor con grad_fn: no se sigue nada. Da a una hoja requires_grad=True.</translation>
    </message>
</context>
<context>
    <name>ModelJobs</name>
    <message>
        <location filename="../../gui/autograd/side_jobs.py" line="119" />
        <source>Building the tiny model</source>
        <translation>Creando el modelo pequeño</translation>
    </message>
    <message>
        <location filename="../../gui/autograd/side_jobs.py" line="158" />
        <source>The loss's graph: the parameters are the green AccumulateGrad leaves; click one to see its gradient.</source>
        <translation>El grafo de la pérdida: los parámetros son las hojas AccumulateGrad verdes; haz clic en una para ver su gradiente.</translation>
    </message>
    <message>
        <location filename="../../gui/autograd/side_jobs.py" line="177" />
        <source>Training the tiny model</source>
        <translation>Entrenando el modelo pequeño</translation>
    </message>
    <message>
        <location filename="../../gui/autograd/side_jobs.py" line="214" />
        <source>Recording the steps already trained</source>
        <translation>Registrando los pasos ya entrenados</translation>
    </message>
</context>
<context>
    <name>ModelPanel</name>
    <message>
        <location filename="../../gui/autograd/model_panel.py" line="136" />
        <source>New model + one step</source>
        <translation>Modelo nuevo + un paso</translation>
    </message>
    <message>
        <location filename="../../gui/autograd/model_panel.py" line="137" />
        <source>Linear(2, 8) → ReLU → Linear(8, 1), MSE loss, SGD lr=0.1, on 64 seeded random points</source>
        <translation>Linear(2, 8) → ReLU → Linear(8, 1), pérdida MSE, SGD lr=0.1, sobre 64 puntos aleatorios con semilla</translation>
    </message>
    <message>
        <location filename="../../gui/autograd/model_panel.py" line="139" />
        <source>Train</source>
        <translation>Entrenar</translation>
    </message>
    <message>
        <location filename="../../gui/autograd/model_panel.py" line="140" />
        <source> steps</source>
        <translation> pasos</translation>
    </message>
    <message>
        <location filename="../../gui/autograd/model_panel.py" line="141" />
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <location filename="../../gui/autograd/model_panel.py" line="143" />
        <source>Parameter</source>
        <translation>Parámetro</translation>
    </message>
    <message>
        <location filename="../../gui/autograd/model_panel.py" line="143" />
        <source>grad after backward</source>
        <translation>grad tras backward</translation>
    </message>
    <message>
        <location filename="../../gui/autograd/model_panel.py" line="143" />
        <source>before step()</source>
        <translation>antes de step()</translation>
    </message>
    <message>
        <location filename="../../gui/autograd/model_panel.py" line="144" />
        <source>after step()</source>
        <translation>tras step()</translation>
    </message>
    <message>
        <location filename="../../gui/autograd/model_panel.py" line="144" />
        <source>grad after zero_grad()</source>
        <translation>grad tras zero_grad()</translation>
    </message>
    <message>
        <location filename="../../gui/autograd/model_panel.py" line="145" />
        <source>Training loss</source>
        <translation>Pérdida de entrenamiento</translation>
    </message>
    <message>
        <location filename="../../gui/autograd/model_panel.py" line="146" />
        <source>step</source>
        <translation>paso</translation>
    </message>
    <message>
        <location filename="../../gui/autograd/model_panel.py" line="151" />
        <source>Build the model to see its loss graph, each parameter's gradient and what optimizer.step() changes.</source>
        <translation>Crea el modelo para ver el grafo de su pérdida, el gradiente de cada parámetro y lo que cambia optimizer.step().</translation>
    </message>
    <message>
        <location filename="../../gui/autograd/model_panel.py" line="156" />
        <source>Loss {loss:.4f}. {explanation}</source>
        <translation>Pérdida {loss:.4f}. {explanation}</translation>
    </message>
</context>
<context>
    <name>NodeDetailsPanel</name>
    <message>
        <location filename="../../gui/autograd/details.py" line="149" />
        <source>Node details</source>
        <translation>Detalles del nodo</translation>
    </message>
    <message>
        <location filename="../../gui/autograd/details.py" line="150" />
        <source>Click a node of the graph to see what it saved and the gradients that flow through it.</source>
        <translation>Haz clic en un nodo del grafo para ver lo que guardó y los gradientes que pasan por él.</translation>
    </message>
    <message>
        <location filename="../../gui/autograd/details.py" line="153" />
        <source>Node {index}: {name}</source>
        <translation>Nodo {index}: {name}</translation>
    </message>
    <message>
        <location filename="../../gui/autograd/details.py" line="155" />
        <source>none (a leaf)</source>
        <translation>ninguna (una hoja)</translation>
    </message>
    <message>
        <location filename="../../gui/autograd/details.py" line="156" />
        <source>next_functions: {nexts}</source>
        <translation>next_functions: {nexts}</translation>
    </message>
    <message>
        <location filename="../../gui/autograd/details.py" line="175" />
        <source>Produced tensor {name} {shape}</source>
        <translation>Tensor producido {name} {shape}</translation>
    </message>
    <message>
        <location filename="../../gui/autograd/details.py" line="179" />
        <source>Leaf tensor {name} {shape}</source>
        <translation>Tensor hoja {name} {shape}</translation>
    </message>
    <message>
        <location filename="../../gui/autograd/details.py" line="182" />
        <source>{name} (the leaf's gradient)</source>
        <translation>{name} (el gradiente de la hoja)</translation>
    </message>
    <message>
        <location filename="../../gui/autograd/details.py" line="185" />
        <source>Saved {name}: {value}</source>
        <translation>Guardado {name}: {value}</translation>
    </message>
    <message>
        <location filename="../../gui/autograd/details.py" line="188" />
        <source>No saved tensors</source>
        <translation>Sin tensores guardados</translation>
    </message>
    <message>
        <location filename="../../gui/autograd/details.py" line="194" />
        <source>Gradients appear here after backward()</source>
        <translation>Los gradientes aparecen aquí tras backward()</translation>
    </message>
    <message>
        <location filename="../../gui/autograd/details.py" line="199" />
        <source>Gradient in [{i}] (arriving): {value}</source>
        <translation>Gradiente de entrada [{i}] (llega): {value}</translation>
    </message>
    <message>
        <location filename="../../gui/autograd/details.py" line="202" />
        <source>Gradient out [{i}] (to next_functions): {value}</source>
        <translation>Gradiente de salida [{i}] (a next_functions): {value}</translation>
    </message>
    <message>
        <location filename="../../gui/autograd/details.py" line="206" />
        <source>Group {title} ({cls})</source>
        <translation>Grupo {title} ({cls})</translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/autograd/details.py" line="209" />
        <source>%n node(s), {params} parameters inside: {classes}</source>
        <translation>
            <numerusform>%n nodo, {params} parámetros dentro: {classes}</numerusform>
            <numerusform>%n nodos, {params} parámetros dentro: {classes}</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../gui/autograd/details.py" line="213" />
        <source>Gradient in from {node}: {grad}</source>
        <translation>Gradiente que entra desde {node}: {grad}</translation>
    </message>
    <message>
        <location filename="../../gui/autograd/details.py" line="214" />
        <source>Output to {node}: {grad}</source>
        <translation>Salida hacia {node}: {grad}</translation>
    </message>
    <message>
        <location filename="../../gui/autograd/details.py" line="218" />
        <source>Gradient out to {node}: {grad}</source>
        <translation>Gradiente que sale hacia {node}: {grad}</translation>
    </message>
    <message>
        <location filename="../../gui/autograd/details.py" line="219" />
        <source>Input from {node}: {grad}</source>
        <translation>Entrada desde {node}: {grad}</translation>
    </message>
    <message>
        <location filename="../../gui/autograd/details.py" line="223" />
        <source>Run backward() to see the gradients entering and leaving the group</source>
        <translation>Ejecuta backward() para ver los gradientes que entran y salen del grupo</translation>
    </message>
</context>
<context>
    <name>NodeJobs</name>
    <message>
        <location filename="../../gui/autograd/node_jobs.py" line="31" />
        <source>Reading node details</source>
        <translation>Leyendo los detalles del nodo</translation>
    </message>
    <message>
        <location filename="../../gui/autograd/node_jobs.py" line="45" />
        <source>Backward replay reset: press Step.</source>
        <translation>Repetición de backward reiniciada: pulsa Paso.</translation>
    </message>
    <message>
        <location filename="../../gui/autograd/node_jobs.py" line="49" />
        <source>Step {n} of {total}: {name} receives the gradient of its output and passes it on.</source>
        <translation>Paso {n} de {total}: {name} recibe el gradiente de su salida y lo transmite.</translation>
    </message>
</context>
<context>
    <name>PresetJobs</name>
    <message>
        <location filename="../../gui/autograd/side_jobs.py" line="47" />
        <source>Running preset</source>
        <translation>Ejecutando el ejemplo</translation>
    </message>
    <message>
        <location filename="../../gui/autograd/side_jobs.py" line="66" />
        <source>Preset: {title}</source>
        <translation>Ejemplo: {title}</translation>
    </message>
    <message>
        <location filename="../../gui/autograd/side_jobs.py" line="71" />
        <source>This preset stops with an error: read what PyTorch says in the Presets panel.</source>
        <translation>Este ejemplo termina con un error: lee lo que dice PyTorch en el panel Ejemplos.</translation>
    </message>
    <message>
        <location filename="../../gui/autograd/side_jobs.py" line="78" />
        <source>Preset graph: click a node to inspect it, or run backward() and step through it.</source>
        <translation>Grafo del ejemplo: haz clic en un nodo para inspeccionarlo, o ejecuta backward() y recórrelo paso a paso.</translation>
    </message>
    <message>
        <location filename="../../gui/autograd/side_jobs.py" line="83" />
        <source>Preset graph: click a node to inspect it.</source>
        <translation>Grafo del ejemplo: haz clic en un nodo para inspeccionarlo.</translation>
    </message>
</context>
<context>
    <name>PresetsPanel</name>
    <message>
        <location filename="../../gui/autograd/presets_panel.py" line="89" />
        <source>Off/on: a.requires_grad = False</source>
        <translation>Apagar/encender: a.requires_grad = False</translation>
    </message>
    <message>
        <location filename="../../gui/autograd/presets_panel.py" line="90" />
        <source>Off/on: with torch.no_grad()</source>
        <translation>Apagar/encender: with torch.no_grad()</translation>
    </message>
    <message>
        <location filename="../../gui/autograd/presets_panel.py" line="91" />
        <source>Off/on: torch.enable_grad() inside no_grad</source>
        <translation>Apagar/encender: torch.enable_grad() dentro de no_grad</translation>
    </message>
    <message>
        <location filename="../../gui/autograd/presets_panel.py" line="92" />
        <source>Off/on: torch.inference_mode()</source>
        <translation>Apagar/encender: torch.inference_mode()</translation>
    </message>
    <message>
        <location filename="../../gui/autograd/presets_panel.py" line="93" />
        <source>Off/on: @torch.no_grad() decorator</source>
        <translation>Apagar/encender: decorador @torch.no_grad()</translation>
    </message>
    <message>
        <location filename="../../gui/autograd/presets_panel.py" line="94" />
        <source>Off/on: x.detach()</source>
        <translation>Apagar/encender: x.detach()</translation>
    </message>
    <message>
        <location filename="../../gui/autograd/presets_panel.py" line="95" />
        <source>Gradients accumulate; grad.zero_()</source>
        <translation>Los gradientes se acumulan; grad.zero_()</translation>
    </message>
    <message>
        <location filename="../../gui/autograd/presets_panel.py" line="96" />
        <source>Error: backward twice without retain_graph</source>
        <translation>Error: backward dos veces sin retain_graph</translation>
    </message>
    <message>
        <location filename="../../gui/autograd/presets_panel.py" line="97" />
        <source>Error: in-place sin_ on a leaf</source>
        <translation>Error: sin_ in situ sobre una hoja</translation>
    </message>
    <message>
        <location filename="../../gui/autograd/presets_panel.py" line="98" />
        <source>Error: in-place change of a saved tensor</source>
        <translation>Error: cambio in situ de un tensor guardado</translation>
    </message>
    <message>
        <location filename="../../gui/autograd/presets_panel.py" line="99" />
        <source>Error: backward() on a non-scalar</source>
        <translation>Error: backward() sobre un no escalar</translation>
    </message>
    <message>
        <location filename="../../gui/autograd/presets_panel.py" line="100" />
        <source>Error: .numpy() on a tensor that requires grad</source>
        <translation>Error: .numpy() sobre un tensor que requiere gradiente</translation>
    </message>
    <message>
        <location filename="../../gui/autograd/presets_panel.py" line="101" />
        <source>Graph: the note's example</source>
        <translation>Grafo: el ejemplo de la nota</translation>
    </message>
    <message>
        <location filename="../../gui/autograd/presets_panel.py" line="102" />
        <source>Model: a tiny nested MLP</source>
        <translation>Modelo: un MLP anidado diminuto</translation>
    </message>
    <message>
        <location filename="../../gui/autograd/presets_panel.py" line="103" />
        <source>Large graph: ResNet-18</source>
        <translation>Grafo grande: ResNet-18</translation>
    </message>
    <message>
        <location filename="../../gui/autograd/presets_panel.py" line="104" />
        <source>Large graph: ResNet-50</source>
        <translation>Grafo grande: ResNet-50</translation>
    </message>
    <message>
        <location filename="../../gui/autograd/presets_panel.py" line="105" />
        <source>Large graph: ResNet-152</source>
        <translation>Grafo grande: ResNet-152</translation>
    </message>
    <message>
        <location filename="../../gui/autograd/presets_panel.py" line="106" />
        <source>Large graph: DenseNet-121</source>
        <translation>Grafo grande: DenseNet-121</translation>
    </message>
    <message>
        <location filename="../../gui/autograd/presets_panel.py" line="107" />
        <source>Large graph: DenseNet-201</source>
        <translation>Grafo grande: DenseNet-201</translation>
    </message>
    <message>
        <location filename="../../gui/autograd/presets_panel.py" line="108" />
        <source>Large graph: MobileNetV3-Small</source>
        <translation>Grafo grande: MobileNetV3-Small</translation>
    </message>
    <message>
        <location filename="../../gui/autograd/presets_panel.py" line="109" />
        <source>Large graph: ViT-B/16</source>
        <translation>Grafo grande: ViT-B/16</translation>
    </message>
    <message>
        <location filename="../../gui/autograd/presets_panel.py" line="110" />
        <source>Model: a small TransformerEncoder</source>
        <translation>Modelo: un TransformerEncoder pequeño</translation>
    </message>
    <message>
        <location filename="../../gui/autograd/presets_panel.py" line="111" />
        <source>Large graph: a chain of 2,000 operations</source>
        <translation>Grafo grande: una cadena de 2000 operaciones</translation>
    </message>
    <message>
        <location filename="../../gui/autograd/presets_panel.py" line="117" />
        <source>Run preset</source>
        <translation>Ejecutar ejemplo</translation>
    </message>
    <message>
        <location filename="../../gui/autograd/presets_panel.py" line="118" />
        <source>PyTorch says:</source>
        <translation>PyTorch dice:</translation>
    </message>
    <message>
        <location filename="../../gui/autograd/presets_panel.py" line="119" />
        <source>Tensor</source>
        <translation>Tensor</translation>
    </message>
    <message>
        <location filename="../../gui/autograd/presets_panel.py" line="119" />
        <source>requires_grad</source>
        <translation>requires_grad</translation>
    </message>
    <message>
        <location filename="../../gui/autograd/presets_panel.py" line="120" />
        <source>is_leaf</source>
        <translation>is_leaf</translation>
    </message>
    <message>
        <location filename="../../gui/autograd/presets_panel.py" line="120" />
        <source>grad_fn</source>
        <translation>grad_fn</translation>
    </message>
    <message>
        <location filename="../../gui/autograd/presets_panel.py" line="121" />
        <source>Values</source>
        <translation>Valores</translation>
    </message>
    <message>
        <location filename="../../gui/autograd/presets_panel.py" line="122" />
        <source>Shape, dtype and values</source>
        <translation>Forma, dtype y valores</translation>
    </message>
</context>
<context>
    <name>StepsEditor</name>
    <message>
        <location filename="../../gui/autograd/steps.py" line="79" />
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <location filename="../../gui/autograd/steps.py" line="79" />
        <source>Shape</source>
        <translation>Forma</translation>
    </message>
    <message>
        <location filename="../../gui/autograd/steps.py" line="80" />
        <source>requires_grad</source>
        <translation>requires_grad</translation>
    </message>
    <message>
        <location filename="../../gui/autograd/steps.py" line="80" />
        <source>grad_fn</source>
        <translation>grad_fn</translation>
    </message>
    <message>
        <location filename="../../gui/autograd/steps.py" line="81" />
        <source>PyTorch lines as in the note, e.g. b = torch.sin(a), out = d.sum(), out.backward()</source>
        <translation>Líneas de PyTorch como en la nota, p. ej. b = torch.sin(a), out = d.sum(), out.backward()</translation>
    </message>
    <message>
        <location filename="../../gui/autograd/steps.py" line="83" />
        <source>Output</source>
        <translation>Salida</translation>
    </message>
</context>
</TS>