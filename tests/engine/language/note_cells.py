# ruff: noqa: E501
"""The study note's code cells (pytorch-fundamentales.md), as test data.

Copied from the note; typos fixed as listed in ``FIXES`` (old text, new text). Cells that
need the network, plotting or files are listed in ``SKIPPED`` with the reason; plotting
lines in the autograd cells are commented out. Nothing here reads the note at test time.
"""

from __future__ import annotations

CELLS: dict[int, str] = {}
CELLS[0] = r'''import torch
import math
'''

CELLS[1] = r'''x = torch.empty(3, 4) # donde los valores serán las dimensiones, el primer valor son las filas y el segundo las columnas
'''

CELLS[2] = r'''zeros = torch.zeros(2, 3)
ones = torch.ones(2, 3)

torch.manual_seed(1729) # para que siempre de un valor aleatorio predecible
random = torch.rand(2, 3)
'''

CELLS[3] = r'''torch.manual_seed(1729)
random1 = torch.rand(2,3)
print(random1)

random2 = torch.rand(2, 3)
print(random2)

torch.manual_seed(1729)
random3 = torch.rand(2,3)
print(random3)

random4 = torch.rand(2, 3)
print(random4)
'''

CELLS[4] = r'''x = torch.empty(2, 2, 3)
print(x.shape)
print(x)

empty_like_x = torch.empty_like(x)
print(empty_like_x.shape)
print(empty_like_x)

zeros_like_x = torch.zeros_like(x)
print(zeros_like_x.shape)
print(zeros_like_x)

ones_like_x = torch.ones_like(x)
print(ones_like_x.shape)
print(ones_like_x)

rand_like_x = torch.rand_like(x)
print(rand_like_x.shape)
print(rand_like_x)

# Todos tienen las mismas dimensiones pero con sus valores correspondientes
'''

CELLS[5] = r'''some_constants = torch.tensor([[3.14332, 2.732342], [1.4374973, 0.00834]])
print(some_constants)

some_integers = torch.tensor((2, 3, 4, 6, 1, 9, 10, 30))
print(some_integers)

more_integers = torch.tensor(((2, 4, 6), [3, 6, 9])) # No importa al constructor si se pasan tuplas o listas, lo unico que toma en cuenta es el anidamiento.
print(more_integers)
'''

CELLS[6] = r'''a = torch.ones((2, 3), dtype=torch.int16)
print(a)

b = torch.rand((2, 3), dtype=torch.float64) * 20
print(b)

c = b.to(torch.int32)
print(c)
'''

CELLS[7] = r'''ones = torch.zeros(2, 2) + 1
twos = torch.ones(2, 2) * 2
threes = (torch.ones(2, 2) * 7 - 1) / 2
fours = twos ** 2
sqrt2s = twos ** 0.5
# cuando los tensores se operan con escalares las operaciones se hacen uno a uno
'''

CELLS[8] = r'''powers2 = twos ** torch.tensor([[1, 2], [3, 4]])
print(powers2)

fives = ones + fours
print(fives)

dozens = threes * fours
print(dozens)
'''

CELLS[9] = r'''a =     torch.ones(4, 3, 2)

b = a * torch.rand(   3, 2) # 3era & 2da dims identicas a las de a, dim 1 ausente
c = a * torch.rand(   3, 1) # 3era dim=1, 2da dim identica a la de a

d = a * torch.rand(   1, 2) # 3era dim identica a las de a, 2da dim=1
'''

CELLS[10] = r'''a = torch.rand(2, 4) * 2 - 1
print('Common funtions:')
print(torch.abs(a))
print(torch.ceil(a))
print(torch.floor(a))
print(torch.clamp(a, -0.5, 0.5))

# trigonometric functions and their inverses
angles = torch.tensor([0, math.pi / 4, math.pi / 2, 3 * math.pi / 4])
sines = torch.sin(angles)
inverses = torch.asin(sines)
print('\nSine and arcsine:')
print(angles)
print(sines)
print(inverses)

# bitwise operations
print('\nBitwise XOR:')
b = torch.tensor([1, 5, 11])
c = torch.tensor([2, 7, 10])
print(torch.bitwise_xor(b, c))

# comparisons:
print('\Broadcasted, element-wise equality comparison:')
d = torch.tensor([[1., 2.], [3., 4.]])
e = torch.ones(1, 2) # many comparison ops support broadcasting!
print(torch.eq(d, e)) # returns a tensor of type bool

# reductions:
print('\nReduction ops:')
print(torch.max(d)) # returns a single-element tensor
print(torch.max(d).item()) # extracts the value from the returned tensor
print(torch.mean(d)) # average
print(torch.std(d)) # standard deviation
print(torch.prod(d)) # product of all numbers
print(torch.unique(torch.tensor([1, 2, 1, 2, 1, 2]))) # filter unique elements

# vector and linear algebra operations
v1 = torch.tensor([1., 0., 0.,]) # x unit vector
v2 = torch.tensor([0., 1., 0.]) # y unit vector
m1 = torch.rand(2, 2) # random matrix
m2 = torch.tensor([[3., 0.], [0., 3.]]) # three times identity matrix

print('\nVectors & Matrices:')
print(torch.cross(v2, v1)) # negative of z unit vector (v1 x v2 == -v2 x v1)
print(m1)
m3 = torch.matmul(m1, m2)
print(m3) # 3 times m1
print(torch.svd(m3)) # singular value decomposition
'''

CELLS[11] = r'''a = torch.tensor([0, math.pi / 4, math.pi / 2, 3 * math.pi / 4])
print('a: ')
print(a)
print(torch.sin(a)) # esta operación crea un nuevo tensor en la memoria
print(a) # a no ha cambiado

b = torch.tensor([0, math.pi / 4, math.pi / 2, 3 * math.pi / 4])
print('\nb: ')
print(b)
print(torch.sin_(b)) # note el guión bajo
print(b) # b ha cambiado
'''

CELLS[12] = r'''a = torch.ones(2, 2)
b = torch.rand(2, 2)

print('Before:')
print(a)
print(b)
print('\nAfter adding:')
print(a.add_(b))
print(a)
print(b)
print('\nAfter multiplying')
print(b.mul_(b))
print(b)
'''

CELLS[13] = r'''a = torch.rand(2, 2)
b = torch.rand(2, 2)
c = torch.zeros(2, 2)
old_id = id(c)

print(c)
d = torch.matmul(a, b, out=c)
print(c)  # el contenido de c ha cambiado

assert c is d # se fija si c & d son el mismo objeto, no que solo contienen los mismos valores

assert id(c), old_id # se asegura que el nuevo c sea el mismo que el viejo

torch.rand(2, 2, out=c) # funciona también para constructores
print(c) # c ha cambiado nuevamente
assert id(c), old_id # todavía es el mismo objeto

'''

CELLS[14] = r'''a = torch.ones(2, 2)
b = a

a[0][1] = 561 # al cambiar a
print(b)  # ... b también se altera

'''

CELLS[15] = r'''a = torch.ones(2, 2)
b = a.clone()

assert b is not a # diferentes objetos en memoria...
print(torch.eq(a, b)) # ... pero todavía son el mismo contenido!

a[0][1] = 561 # a cambia...
print(b)  # ...pero b todavía son puros unos
'''

CELLS[16] = r'''a = torch.rand(3, 226, 226)
b = a.unsqueeze(0)

print(a.shape)
print(b.shape)

'''

CELLS[17] = r'''c = torch.rand(1, 1, 1, 1, 1)
print(c)
'''

CELLS[18] = r'''a = torch.rand(1, 20)
print(a.shape)
print(a)

b = a.squeeze(0)
print(b.shape)
print(b)

c = torch.rand(2, 2)
print(c.shape)

d = c.squeeze(0)
print(d.shape)
'''

CELLS[19] = r'''a = torch.ones(4, 3, 2)
c = a * torch.rand(   3, 1) # 3rd dim=1, 2nd dim identical to a
print(c)

'''

CELLS[20] = r'''output3d = torch.rand(6, 20, 20)
print(output3d.shape)

input1d = output3d.reshape(6 * 20 * 20)
print(input1d.shape)

# can also call it as a method on the torch module:
print(torch.reshape(output3d, (6 * 20 * 20,)).shape)
'''

CELLS[30] = r'''a = torch.linspace(0., 2. * math.pi, steps=25, requires_grad=True)
print(a)
'''

CELLS[31] = r'''b = torch.sin(a)
# plt.plot(a.detach(), b.detach())  (plotting)
'''

CELLS[32] = r'''print(b)
'''

CELLS[33] = r'''c = 2 * b
print(c)

d = c + 1
print(d)
'''

CELLS[34] = r'''out = d.sum()
print(out)
'''

CELLS[35] = r'''print('d:')

print(d.grad_fn)

print(d.grad_fn.next_functions)

print(d.grad_fn.next_functions[0][0].next_functions)

print(d.grad_fn.next_functions[0][0].next_functions[0][0].next_functions)

print(d.grad_fn.next_functions[0][0].next_functions[0][0].next_functions[0][0].next_functions)

print('\nc:')

print(c.grad_fn)

print('\nb:')

print(b.grad_fn)

print('\na:')

print(a.grad_fn)
'''

CELLS[36] = r'''out.backward()
print(a.grad)
# plt.plot(a.detach(), a.grad.detach())  (plotting) # detach es importante!!
'''

CELLS[37] = r'''a = torch.ones(2, 3, requires_grad=True)
print(a)

b1 = 2 * a
print(b1)

a.requires_grad = False
b2 = 2 * a
print(b2)
'''

CELLS[38] = r'''a = torch.ones(2, 3, requires_grad=True) * 2
b = torch.ones(2, 3, requires_grad=True) * 3

c1 = a + b
print(c1)

with torch.no_grad(): # deprecated -> torch.inference_mode():
    c2 = a + b

print(c2)

c3 = a * b
print(c3)
'''

CELLS[39] = r'''def add_tensors1(x, y):
    return x + y

@torch.no_grad()
def add_tensors2(x, y):
    return x + y

a = torch.ones(2, 3, requires_grad=True) * 2
b = torch.ones(2, 3, requires_grad=True) * 3

c1 = add_tensors1(a, b)
print(c1)

c2 = add_tensors2(a, b)
print(c2)
'''

CELLS[40] = r'''x = torch.rand(5, requires_grad=True)
y = x.detach()

print(x)
print(y)
'''

CELLS[41] = r'''a = torch.linspace(0., 2. * math.pi, steps=25, requires_grad=True)
torch.sin_(a)
'''

FIXES: dict[int, list[tuple[str, str]]] = {7: [('twos = torch.ones(2, 3) + 2', 'twos = torch.ones(2, 2) * 2')],
 8: [('powers2 = two **', 'powers2 = twos **')],
 10: [('torch.cvd(m3)', 'torch.svd(m3)')],
 11: [('print(b) b ha cambiado', 'print(b) # b ha cambiado')],
 15: [('assert b is nor a', 'assert b is not a')],
 20: [('(6 * 20 * 20)).shape', '(6 * 20 * 20,)).shape')],
 31: [('plt.plot(a.detach(), b.detach())', '# plt.plot(a.detach(), b.detach())  (plotting)')],
 36: [('plt.plot(a.detach(), a.grad.detach())',
       '# plt.plot(a.detach(), a.grad.detach())  (plotting)')]}
SKIPPED: dict[int, str] = {21: 'downloads FashionMNIST',
 22: 'plotting and the downloaded dataset',
 23: 'defines a class and reads files',
 24: 'def',
 25: 'def',
 26: 'def',
 27: 'needs the downloaded dataset',
 28: 'needs the downloaded dataset and plotting',
 29: 'imports matplotlib'}
RUNNABLE: tuple[int, ...] = (0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 30, 31, 32, 33, 34,
 35, 36, 37, 38, 40)
REFUSED_CELL = 39
PYTORCH_ERROR_CELL = 41
