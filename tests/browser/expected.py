"""Compare what a widget's readout shows with what its pure function computes.

The readout shows rounded numbers (``0.976``, ``17.78``, ``6``); a value matches when
it equals the pure function's value to the precision it is shown with.
"""
import math
import re

import numpy as np

_NUMBER = re.compile(r"(?P<mantissa>[-+]?(?:\d+(?:\.(?P<frac>\d*))?|\.(?P<frac2>\d+)))(?:[eE](?P<exp>[-+]?\d+))?")


def shown_matches(text, value):
    """True when the readout text ``text`` shows ``value`` (int/str exactly, float to the digits shown)."""
    if value is None:
        return text == "none"
    if isinstance(value, (bool, np.bool_)):
        return text == str(bool(value))
    if isinstance(value, (int, np.integer)):
        return text == str(int(value))
    if isinstance(value, (float, np.floating)):
        value = float(value)
        if math.isinf(value):
            return text in ("inf", "-inf") and text.startswith("-") == (value < 0)
        text = text.replace("\u2212", "-")  # sliders format with d3, which writes a true minus sign
        m = _NUMBER.fullmatch(text)
        if m is None:
            return False
        decimals = len(m.group("frac") or m.group("frac2") or "")
        exponent = int(m.group("exp") or 0)
        tolerance = 0.5 * 10.0 ** (exponent - decimals) * (1 + 1e-9) + 1e-12 * abs(value)
        return abs(float(text) - value) <= tolerance
    return text == str(value)


def assert_readout(shown, expected, where=""):
    """Every key of ``expected`` is in the readout ``shown`` and shows that value; no other keys."""
    problems = [f"{key!r}: shown {shown.get(key)!r}, pure function gives {value!r}"
                for key, value in expected.items() if key not in shown or not shown_matches(shown[key], value)]
    extra = sorted(set(shown) - set(expected))
    if extra:
        problems.append(f"readout keys not checked: {extra}")
    assert not problems, f"readout {where} differs from the pure function:\n  " + "\n  ".join(problems)


def assert_slider_at(nb, i, description, value):
    """The slider's own readout (d3-formatted: '0.100', '1.00', '−12.0') shows ``value``."""
    text = nb.slider_value(i, description)
    assert shown_matches(text, float(value)), f"slider {description!r} shows {text!r}, expected {value}"
