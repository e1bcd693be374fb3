# Walk the grad_fn graph from a root to the leaves, visiting each node once
def grad_fn_nodes(root):
    nodes, stack = {root}, [root]
    while stack:
        node = stack.pop()
        for child, _ in node.next_functions:
            if child is not None and child not in nodes:
                nodes.add(child)
                stack.append(child)
    return nodes
