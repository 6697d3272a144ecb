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


def assert_fits_one_laptop_view(g, where=""):
    """Issue-free use on a laptop (1366 x 768, file browser open): controls, readout and figure in one view,
    the figure shown at >= 90 % of its size, slider tracks of one width (>= 250 px) starting at one x."""
    problems = []
    if g["height"] > g["view_height"]:
        problems.append(f"explorer is {g['height']:.0f} px tall, the visible notebook {g['view_height']:.0f} px")
    if g["scale"] < 0.9:
        problems.append(f"figure shown at {g['scale']:.0%} of its {g['figure_px'][0]} px width (< 90 %)")
    if g["tracks"] and (max(g["tracks"]) - min(g["tracks"]) > 1 or min(g["tracks"]) < 250):
        problems.append(f"slider tracks are {g['tracks']} px wide (one width, >= 250 px)")
    if g["track_lefts"] and max(g["track_lefts"]) - min(g["track_lefts"]) > 1:
        problems.append(f"slider tracks start at x = {g['track_lefts']} (labels not aligned)")
    assert not problems, f"explorer {where} does not fit a laptop view:\n  " + "\n  ".join(problems)


def assert_key_press_visible(nb, share, where=""):
    """Every key press so far changed at least ``share`` of the figure's pixels."""
    pixels = nb.timings.get("pixels", [])
    assert pixels, "no key press recorded"
    assert min(pixels) >= share, (f"a key press {where} changed only {min(pixels):.2%} of the figure's pixels "
                                  f"(< {share:.0%}); all presses: {[f'{p:.2%}' for p in pixels]}")
