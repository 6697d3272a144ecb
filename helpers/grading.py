"""Grading support: switch shortcuts off while a test calls a student's function.

An exercise asks a student to write something a library already has (a stable sigmoid, a log loss, a
softmax gradient). A test that looks for names in the student's source is beaten by an alias; this module
judges behaviour instead. While a test runs inside :func:`forbid`, the functions that would do the exercise
for the student raise :class:`ShortcutUsed` -- however they are reached::

    from helpers.grading import forbid
    import helpers.maths, scipy.special

    expected = 1 / (1 + np.exp(-z))              # reference, computed before the switch
    with forbid(helpers.maths.sigmoid, scipy.special.expit, reason="write the stable sigmoid yourself"):
        got = stable_sigmoid(z)                  # the student's function

How: a Python function's *code* is swapped (``func.__code__``), so every alias of the function object,
a module attribute, ``importlib``, a default argument, ``type(obj).method(obj, ...)`` and decorated
wrappers (``__wrapped__``) all run the stand-in. A function written in C (a NumPy ufunc such as
``scipy.special.expit``) has no code to swap; every reference to it that the garbage collector can find
in a dict (module, class, instance or notebook namespace), a list, a closure cell or a function's
defaults is replaced instead. Everything is restored when the block ends, also on error.
"""
import gc
import types
from contextlib import contextmanager

__all__ = ["ShortcutUsed", "forbid"]


class ShortcutUsed(AssertionError):
    """Raised when a function that :func:`forbid` switched off is called."""


def _describe(target):
    module = getattr(target, "__module__", None) or type(target).__module__
    name = getattr(target, "__qualname__", None) or getattr(target, "__name__", None) or repr(target)
    if module in (None, "__main__", "builtins"):
        return name
    return f"{module}.{name}"


def _stand_in_code(n_free, message):
    """A code object that raises ShortcutUsed(message), with ``n_free`` free variables.

    CPython only lets ``func.__code__`` take code with as many free variables as the function's
    closure has cells, so the stand-in declares that many (and never reads them).
    """
    free = [f"_free{i}" for i in range(n_free)]
    lines = ["def _outer():"]
    lines += [f"    {name} = None" for name in free]
    lines.append("    def stand_in(*args, **kwargs):")
    if free:
        lines.append("        " + ", ".join(free))
    # Runs with the *target's* globals: reach the exception class through the import system.
    lines.append("        raise __import__('helpers.grading', fromlist=['ShortcutUsed'])"
                 f".ShortcutUsed({message!r})")
    lines.append("    return stand_in")
    namespace = {}
    exec("\n".join(lines), namespace)  # noqa: S102 -- a fixed template; message is a repr'd string
    return namespace["_outer"]().__code__


def _python_functions(target):
    """The plain Python functions behind ``target``: itself, what it wraps, a method's function."""
    found, todo, seen = [], [target], set()
    while todo:
        obj = todo.pop()
        if obj is None or id(obj) in seen:
            continue
        seen.add(id(obj))
        if isinstance(obj, types.FunctionType):
            found.append(obj)
        elif isinstance(obj, type):
            todo.extend(v for v in vars(obj).values()
                        if isinstance(v, (types.FunctionType, staticmethod, classmethod, property)))
        for attribute in ("__wrapped__", "__func__", "fn", "fget", "func"):
            inner = getattr(obj, attribute, None) if not isinstance(obj, type) else None
            if inner is not None and (callable(inner) or isinstance(inner, (staticmethod, classmethod))):
                todo.append(inner)
    return found


def _rebind_everywhere(target, replacement, undo):
    """Replace every reference to ``target`` the garbage collector knows of; record how to undo it.

    Nothing in this function may close over ``target`` (no lambda, comprehension or generator
    expression reading it): the closure cell would itself be found among the referrers and rebound.
    The undo steps therefore take it as a default argument.
    """
    for holder in gc.get_referrers(target):
        if isinstance(holder, dict):
            # a class's namespace is changed through setattr, so Python's attribute cache sees it;
            # module and notebook namespaces (they have __builtins__ or __spec__) need no search
            is_namespace = "__builtins__" in holder or "__spec__" in holder
            owners = [] if is_namespace else [c for c in gc.get_referrers(holder) if isinstance(c, type)]
            for key, value in list(holder.items()):
                if value is not target:
                    continue
                if owners:
                    for cls in owners:
                        setattr(cls, key, replacement)
                        undo.append(lambda c=cls, k=key, t=target: setattr(c, k, t))
                else:
                    holder[key] = replacement
                    undo.append(lambda h=holder, k=key, t=target: h.__setitem__(k, t))
        elif isinstance(holder, list):
            for i, value in enumerate(holder):
                if value is target:
                    holder[i] = replacement
                    undo.append(lambda h=holder, i=i, t=target: h.__setitem__(i, t))
        elif isinstance(holder, types.CellType):
            holder.cell_contents = replacement
            undo.append(lambda h=holder, t=target: setattr(h, "cell_contents", t))
        elif isinstance(holder, tuple):
            # a function's default arguments: give the function a new tuple
            swapped = list(holder)
            for i, value in enumerate(holder):
                if value is target:
                    swapped[i] = replacement
            for owner in gc.get_referrers(holder):
                if isinstance(owner, types.FunctionType) and owner.__defaults__ is holder:
                    owner.__defaults__ = tuple(swapped)
                    undo.append(lambda o=owner, d=holder: setattr(o, "__defaults__", d))


@contextmanager
def forbid(*targets, reason="write this part yourself"):
    """Make every target raise :class:`ShortcutUsed` while the ``with`` block runs.

    Parameters
    ----------
    *targets : callables
        Functions, methods (``SomeClass.method``), classes (all their own methods), decorated
        functions, or C-level callables such as NumPy ufuncs.
    reason : str
        Appended to the error message; say what the student should write instead.

    Raises
    ------
    TypeError
        If a target is not callable (or a class): pass the function object itself, not its result.
    """
    for target in targets:
        if not callable(target):
            raise TypeError(f"forbid() takes functions, methods or classes; got {target!r} "
                            f"(pass the function itself, e.g. forbid(np.linalg.solve), not its result).")
    undo = []
    try:
        for target in targets:
            message = (f"{_describe(target)} is switched off while this test runs: {reason}. "
                       "The exercise is to compute it with your own code.")
            functions = _python_functions(target)
            for func in functions:
                original = func.__code__
                func.__code__ = _stand_in_code(len(original.co_freevars), message)
                undo.append(lambda f=func, c=original: setattr(f, "__code__", c))
            if not functions:  # C-level: no code to swap, so swap the references
                def stand_in(*args, _message=message, **kwargs):
                    raise ShortcutUsed(_message)
                _rebind_everywhere(target, stand_in, undo)
        yield
    finally:
        for step in reversed(undo):
            step()
