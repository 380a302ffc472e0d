#!/usr/bin/env python3
"""Draws all collector-dojo artwork (portraits, icons, app icon).

Usage:  python3 assets/tools/make_art.py [--sheet PATH] [--only portraits|icons|<persona id>]

`--sheet` also writes a review contact sheet (all portraits and icons) to PATH.

Each portrait persona (one per scenario id, see `PERSONAS`) shares the head and face
machinery and the three expression presets; it brings its own colours, clothes, hair
and, for some, a prop (phone, glasses, mug, letter, crossed arms).

Needs only Pillow (`pip install pillow`). The output is deterministic: no
randomness, fixed geometry. Everything is drawn at 4x and downsampled, so the
shapes come out anti-aliased. The PNGs are committed; CI never runs this.

Layout of the output (relative to the `assets/` directory):
    portraits/<id>-<calm|neutral|stressed>.png   512x512
    icons/channel/<key>.png                      128x128, transparent
    icons/principle/<key>.png                    128x128, transparent
    icons/app.png                                256x256

The artwork is dedicated to the public domain (CC0 1.0), see assets/LICENSE.md.
"""
import math
import os
import sys
from functools import reduce

from PIL import Image, ImageChops, ImageDraw, ImageFilter

ASSETS = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SS = 4  # supersampling factor

# ---------------------------------------------------------------- palette
TEAL = "#1f5f63"
SAND = "#f3e3c7"
TERRA = "#c8674a"
GOLD = "#e0a94a"
OFFW = "#fbf7f0"
CHAR = "#2d2a26"


def rgb(c):
    if isinstance(c, tuple):
        return c[:3]
    c = c.lstrip("#")
    return tuple(int(c[i:i + 2], 16) for i in (0, 2, 4))


def mix(a, b, t):
    a, b = rgb(a), rgb(b)
    return tuple(round(a[i] + (b[i] - a[i]) * t) for i in range(3))


def darker(c, t=0.15):
    return mix(c, (40, 22, 18), t)


def lighter(c, t=0.15):
    return mix(c, (255, 252, 246), t)


# ---------------------------------------------------------------- geometry
def cubic(p0, p1, p2, p3, n=28):
    out = []
    for i in range(n + 1):
        t = i / n
        u = 1 - t
        out.append((u ** 3 * p0[0] + 3 * u * u * t * p1[0] + 3 * u * t * t * p2[0] + t ** 3 * p3[0],
                    u ** 3 * p0[1] + 3 * u * u * t * p1[1] + 3 * u * t * t * p2[1] + t ** 3 * p3[1]))
    return out


def quad(p0, c, p1, n=24):
    out = []
    for i in range(n + 1):
        t = i / n
        u = 1 - t
        out.append((u * u * p0[0] + 2 * u * t * c[0] + t * t * p1[0],
                    u * u * p0[1] + 2 * u * t * c[1] + t * t * p1[1]))
    return out


def path(start, *segs):
    """A polyline from `start`; segs are points (line to), ('Q', c, p) or ('C', c1, c2, p)."""
    pts = [start]
    cur = start
    for s in segs:
        if isinstance(s[0], str):
            if s[0] == "Q":
                pts += quad(cur, s[1], s[2])[1:]
                cur = s[2]
            elif s[0] == "C":
                pts += cubic(cur, s[1], s[2], s[3])[1:]
                cur = s[3]
        else:
            pts.append(s)
            cur = s
    return pts


def rotate(pts, deg, cx, cy):
    a = math.radians(deg)
    ca, sa = math.cos(a), math.sin(a)
    return [(cx + (x - cx) * ca - (y - cy) * sa, cy + (x - cx) * sa + (y - cy) * ca) for x, y in pts]


def move(pts, dx, dy):
    return [(x + dx, y + dy) for x, y in pts]


def mirror(pts, cx):
    return [(2 * cx - x, y) for x, y in pts]


def ellipse_pts(cx, cy, rx, ry, n=96, a0=0.0, a1=360.0):
    out = []
    for i in range(n + 1):
        a = math.radians(a0 + (a1 - a0) * i / n)
        out.append((cx + rx * math.cos(a), cy + ry * math.sin(a)))
    return out


def rrect_pts(cx, cy, w, h, r, deg=0.0):
    x0, y0, x1, y1 = cx - w / 2, cy - h / 2, cx + w / 2, cy + h / 2
    pts = []
    for (ox, oy, a0) in ((x1 - r, y0 + r, -90), (x1 - r, y1 - r, 0), (x0 + r, y1 - r, 90), (x0 + r, y0 + r, 180)):
        pts += ellipse_pts(ox, oy, r, r, 12, a0, a0 + 90)
    return rotate(pts, deg, cx, cy) if deg else pts


# ---------------------------------------------------------------- canvas
class Canvas:
    def __init__(self, w, h=None, bg=None):
        h = h or w
        self.w, self.h = w, h
        self.size = (w * SS, h * SS)
        self.img = Image.new("RGBA", self.size, (0, 0, 0, 0) if bg is None else rgb(bg) + (255,))

    # -- masks (full-size "L" images)
    def blank(self):
        return Image.new("L", self.size, 0)

    @staticmethod
    def _s(pts):
        return [(x * SS, y * SS) for x, y in pts]

    def poly(self, pts):
        m = self.blank()
        ImageDraw.Draw(m).polygon(self._s(pts), fill=255)
        return m

    def ellipse(self, cx, cy, rx, ry=None, deg=0.0):
        ry = rx if ry is None else ry
        if deg:
            return self.poly(rotate(ellipse_pts(cx, cy, rx, ry, 120), deg, cx, cy))
        m = self.blank()
        ImageDraw.Draw(m).ellipse([(cx - rx) * SS, (cy - ry) * SS, (cx + rx) * SS, (cy + ry) * SS], fill=255)
        return m

    def rrect(self, x0, y0, x1, y1, r):
        m = self.blank()
        ImageDraw.Draw(m).rounded_rectangle([x0 * SS, y0 * SS, x1 * SS, y1 * SS], radius=r * SS, fill=255)
        return m

    def line(self, pts, w, cap=True):
        m = self.blank()
        d = ImageDraw.Draw(m)
        sp = self._s(pts)
        d.line(sp, fill=255, width=max(1, round(w * SS)), joint="curve")
        r = w * SS / 2
        # round joins at every vertex (also closes pinholes of wide polylines); round caps at the ends
        for (x, y) in (sp if cap else sp[1:-1]):
            d.ellipse([x - r, y - r, x + r, y + r], fill=255)
        return m

    def tapered(self, pts, w0, w1):
        """A stroke along pts whose width goes from w0 to w1, with round ends."""
        left, right = [], []
        n = len(pts)
        for i, (x, y) in enumerate(pts):
            a = pts[max(0, i - 1)]
            b = pts[min(n - 1, i + 1)]
            dx, dy = b[0] - a[0], b[1] - a[1]
            ln = math.hypot(dx, dy) or 1
            nx, ny = -dy / ln, dx / ln
            w = (w0 + (w1 - w0) * i / (n - 1)) / 2
            left.append((x + nx * w, y + ny * w))
            right.append((x - nx * w, y - ny * w))
        m = self.poly(left + right[::-1])
        (x0, y0), (x1, y1) = pts[0], pts[-1]
        return union(m, self.ellipse(x0, y0, w0 / 2), self.ellipse(x1, y1, w1 / 2))

    # -- painting
    def paint(self, mask, color, alpha=1.0, clip=None):
        if clip is not None:
            mask = ImageChops.multiply(mask, clip)
        if alpha < 1.0:
            mask = mask.point(lambda v: round(v * alpha))
        box = mask.getbbox()
        if not box:
            return
        m = mask.crop(box)
        layer = Image.new("RGBA", m.size, rgb(color) + (0,))
        layer.putalpha(m)
        self.img.alpha_composite(layer, dest=box[:2])

    def clip_to(self, mask):
        a = self.img.getchannel("A")
        self.img.putalpha(ImageChops.multiply(a, mask))

    def result(self):
        small = self.img.convert("RGBa").resize((self.w, self.h), Image.LANCZOS).convert("RGBA")
        return small


def union(*ms):
    return reduce(ImageChops.lighter, ms)


def minus(a, *bs):
    for b in bs:
        a = ImageChops.subtract(a, b)
    return a


def inter(a, b):
    return ImageChops.multiply(a, b)


def shift(m, dx, dy):
    out = Image.new("L", m.size, 0)
    out.paste(m, (round(dx * SS), round(dy * SS)))
    return out


def dilate(m, d):
    """Grow a mask by d logical pixels (round corners)."""
    if d <= 0:
        return m
    sigma = d * SS / 1.2816
    b = m.filter(ImageFilter.GaussianBlur(sigma))
    return b.point(lambda v: 255 if v > 25 else 0)


def erode(m, d):
    return ImageChops.invert(dilate(ImageChops.invert(m), d))


def outline(m, w):
    return minus(dilate(m, w / 2), erode(m, w / 2))


def save(img, rel):
    p = os.path.join(ASSETS, rel)
    os.makedirs(os.path.dirname(p), exist_ok=True)
    img.save(p, optimize=True)
    return rel


# ======================================================================
#                                PORTRAITS
# ======================================================================
ZOOM = 1.12       # figure zoom around (256, 290)
CX = 256          # face centre line
EYE_Y = 240
EYE_DX = 35

# Expression presets; each persona can override single values.
EXPRESSIONS = {
    "calm": dict(lid=0.16, low=0.24, gaze=(0.0, 0.0),
                 brow_in=1, brow_out=1, brow_arch=-5, knit=0,
                 mouth=("smile", 27, 10), blush=0.32, sweat=False, worry=False, crease=False),
    "neutral": dict(lid=0.36, low=0.06, gaze=(0.0, 0.0),
                    brow_in=5, brow_out=0, brow_arch=-1, knit=1,
                    mouth=("flat", 20, 2), blush=0.14, sweat=False, worry=False, crease=False),
    "stressed": dict(lid=0.0, low=0.0, gaze=(0.0, 0.0),
                     brow_in=-12, brow_out=5, brow_arch=-1, knit=4,
                     mouth=("frown", 22, 7), blush=0.10, sweat=True, worry=True, crease=True),
}


class P:
    """Per-portrait context: canvas, persona, expression."""

    def __init__(self, persona, expr):
        self.c = Canvas(512)
        self.p = persona
        e = dict(EXPRESSIONS[expr])
        e.update(persona.get("expr", {}).get(expr, {}))
        self.e = e
        self.name = expr
        self.skin = rgb(persona["skin"])
        self.skin_sh = darker(self.skin, 0.17)
        self.skin_hi = lighter(self.skin, 0.18)
        self.hair = rgb(persona["hair"])
        self.cy = persona.get("head_cy", 232)
        self.rx = persona.get("head_rx", 82)
        self.ry = persona.get("head_ry", 100)
        self.head = None


def head_pts(cx, cy, rx, ry, jaw=2.4, chin=0.18, n=220):
    pts = []
    for i in range(n):
        t = 2 * math.pi * i / n
        s, c = math.sin(t), math.cos(t)
        if c >= 0:  # upper half: ellipse
            x = rx * s
            y = -ry * c
        else:       # lower half: superellipse, narrowing to the chin
            e = 2.0 / jaw
            x = rx * math.copysign(abs(s) ** e, s) * (1 - chin * (-c) ** 2)
            y = ry * abs(c) ** e
        pts.append((cx + x, cy + y))
    return pts


def background(pc):
    c, p = pc.c, pc.p
    c.paint(c.rrect(0, 0, 512, 512, 84), p["bg"])
    c.paint(c.ellipse(256, 236, 214), lighter(p["bg"], 0.22))


def torso_mask(pc, width=1.0, top=378):
    c = pc.c
    L = 256 - 236 * width
    R = 256 + 236 * width
    pts = path((L - 10, 560), ("C", (L - 6, 452), (L + 40, top + 14), (L + 130 * width, top + 2)),
               (256, top - 6), (R - 130 * width, top + 2),
               ("C", (R - 40, top + 14), (R + 6, 452), (R + 10, 560)))
    return c.poly(pts)


def neck(pc, w=33, top=None, bottom=410):
    c = pc.c
    top = top or pc.cy + 40
    m = c.poly(path((CX - w, top), (CX + w, top), (CX + w + 2, bottom - 30),
                    ("Q", (CX + w + 6, bottom), (CX, bottom)),
                    ("Q", (CX - w - 6, bottom), (CX - w - 2, bottom - 30))))
    c.paint(m, pc.skin)
    # shadow cast by the jaw
    hm = c.poly(head_pts(CX, pc.cy + 18, pc.rx, pc.ry, pc.p.get("jaw", 2.4), pc.p.get("chin", 0.18)))
    c.paint(hm, pc.skin_sh, 0.85, clip=m)
    c.paint(c.rrect(CX + w - 12, top, CX + w + 4, bottom, 8), pc.skin_sh, 0.35, clip=m)
    return m


def ears(pc):
    c = pc.c
    for side in (-1, 1):
        x = CX + side * (pc.rx - 3)
        m = c.ellipse(x, EYE_Y + 8, 15, 23, deg=side * 8)
        c.paint(m, pc.skin)
        c.paint(c.ellipse(x + side * 3, EYE_Y + 10, 7, 13, deg=side * 8), pc.skin_sh, 0.7)


def face_base(pc):
    c, p = pc.c, pc.p
    ears(pc)
    hm = c.poly(head_pts(CX, pc.cy, pc.rx, pc.ry, p.get("jaw", 2.4), p.get("chin", 0.18)))
    pc.head = hm
    c.paint(hm, pc.skin)
    # soft side shading (light from the upper left)
    c.paint(minus(hm, shift(hm, -13, -4)), pc.skin_sh, 0.55)
    c.paint(minus(hm, shift(hm, 6, 3)), pc.skin_hi, 0.35)


def eye(pc, side):
    c, e, p = pc.c, pc.e, pc.p
    ex = CX + side * EYE_DX
    ey = EYE_Y
    hw = p.get("eye_w", 16)
    hu, hl = p.get("eye_up", 10.5), p.get("eye_lo", 7)
    lid, low = e["lid"], e["low"]
    tilt = p.get("eye_tilt", 1.5)
    n = 24

    def yu(u):
        return ey - hu * (1 - u * u) * (1 + 0.12 * u * side) - tilt * u * side

    def yl(u):
        return ey + hl * (1 - u * u) - tilt * u * side * 0.5

    top, bot = [], []
    for i in range(n + 1):
        u = -1 + 2 * i / n
        a, b = yu(u), yl(u)
        x = ex + hw * u
        top.append((x, a + lid * (b - a)))
        bot.append((x, b - low * (b - a)))
    m = c.poly(top + bot[::-1])
    # lid crease and under-eye
    if p.get("crease", True):
        cr = [(x, yu(-1 + 2 * i / n) - 6 + 2.5 * abs(-1 + 2 * i / n)) for i, (x, _) in enumerate(top)][3:-4]
        c.paint(c.line(cr, 2.2), pc.skin_sh, p.get("crease_a", 0.4))
    if p.get("bags", 0):
        bg = [(ex + hw * 0.85 * u, ey + hl + 6 - 3 * (1 - u * u)) for u in [i / 10 - 1 for i in range(21)]]
        c.paint(c.line(bg, 2.6), pc.skin_sh, p["bags"])
    c.paint(m, OFFW)
    gx, gy = e["gaze"]
    ix, iy = ex + gx * hw * 0.42, ey - 1 + gy * 4
    ir = p.get("iris_r", 8.5)
    c.paint(c.ellipse(ix, iy, ir), p.get("iris", "#5b4636"), clip=m)
    c.paint(c.ellipse(ix, iy, ir * 0.5), "#1e1a17", clip=m)
    c.paint(c.ellipse(ix - ir * 0.35, iy - ir * 0.38, ir * 0.27), "#ffffff", clip=m)
    # upper lash line with a small flick at the outer corner
    fl = p.get("flick", 3.5)
    lash = top + [(ex + side * (hw + fl), top[-1][1] - fl * 0.85)] if side > 0 else \
        [(ex - hw - fl, top[0][1] - fl * 0.85)] + top
    if fl <= 0:
        lash = top
    c.paint(c.line(lash, p.get("lash_w", 3.6)), p.get("lash", "#2a201b"))
    c.paint(c.line(bot[3:-3], 1.6), pc.skin_sh, 0.8)


def brow(pc, side):
    c, e, p = pc.c, pc.e, pc.p
    ex = CX + side * EYE_DX
    base = EYE_Y - p.get("brow_gap", 27)
    hw = p.get("eye_w", 16)
    xi = ex - side * (hw * 0.95 + e["knit"])
    xo = ex + side * (hw * 1.25)
    yi = base + e["brow_in"]
    yo = base + e["brow_out"] + 2
    mx, my = (xi + xo) / 2, (yi + yo) / 2 + e["brow_arch"] * 1.6 - 3
    pts = quad((xi, yi), (mx, my), (xo, yo), 16)
    w = p.get("brow_w", 8)
    c.paint(c.tapered(pts, w, w * 0.5), p.get("brow", darker(pc.hair, 0.25)))


def nose(pc):
    c = pc.c
    ny = pc.p.get("nose_y", EYE_Y + 34)
    nw = pc.p.get("nose_w", 9)
    c.paint(c.ellipse(CX + 3, ny - 2, nw + 2, 7), pc.skin_sh, 0.35)
    c.paint(c.line(quad((CX - nw, ny + 1), (CX, ny + 8), (CX + nw, ny + 1)), 3.2), pc.skin_sh, 0.95)
    c.paint(c.line(quad((CX + 4, ny - 28), (CX + 9, ny - 14), (CX + 7, ny - 4)), 2.6), pc.skin_sh, 0.55)
    c.paint(c.ellipse(CX - 3, ny - 5, 3.5, 2.5), pc.skin_hi, 0.8)


def mouth(pc):
    c, e, p = pc.c, pc.e, pc.p
    my = p.get("mouth_y", EYE_Y + 62)
    kind, w, d = e["mouth"]
    lipc = rgb(p.get("lip", darker(mix(pc.skin, "#b5524a", 0.35), 0.15)))
    line = rgb(p.get("mouth_line", darker(lipc, 0.45)))
    lw = 4.2
    if kind == "smile":
        pts = quad((CX - w, my - d * 0.35), (CX, my + d * 1.25), (CX + w, my - d * 0.35))
        c.paint(c.ellipse(CX, my + d * 0.45 + 7, w * 0.5, 5.5), lipc, 0.6)
        c.paint(c.line(pts, lw), line)
        for s in (-1, 1):
            c.paint(c.line(quad((CX + s * (w + 3), my - d * 0.35 - 4), (CX + s * (w + 5), my - d * 0.35),
                                (CX + s * (w + 2), my - d * 0.35 + 3)), 2.4), pc.skin_sh, 0.8)
    elif kind == "open":
        top = quad((CX - w, my - 3), (CX, my + 3), (CX + w, my - 3))
        bot = quad((CX + w, my - 3), (CX, my + d * 2.1), (CX - w, my - 3))
        m = c.poly(top + bot[1:])
        c.paint(dilate(m, 2.2), line)
        c.paint(m, "#5a2424")
        c.paint(c.rrect(CX - w, my - 10, CX + w, my + d * 0.42, 4), "#fffaf2", clip=m)
        c.paint(c.ellipse(CX, my + d * 1.9, w * 0.55, d * 0.7), "#c46a6a", clip=m)
    elif kind == "flat":
        pts = quad((CX - w, my + d), (CX, my - d * 0.4), (CX + w, my + d))
        c.paint(c.ellipse(CX, my + 8, w * 0.55, 5), lipc, 0.55)
        c.paint(c.line(pts, lw), line)
    elif kind == "frown":
        pts = quad((CX - w, my + d * 0.9), (CX, my - d * 1.3), (CX + w, my + d * 0.9))
        c.paint(c.ellipse(CX, my + 7, w * 0.5, 4.5), lipc, 0.5)
        c.paint(c.line(pts, lw), line)
        for s in (-1, 1):
            c.paint(c.line([(CX + s * (w + 1), my + d * 0.9 + 2), (CX + s * (w + 4), my + d * 0.9 + 8)], 2.2),
                    pc.skin_sh, 0.8)
    elif kind == "tense":  # clenched teeth, corners pulled down
        top = quad((CX - w, my + 3), (CX, my - 6), (CX + w, my + 3))
        bot = quad((CX + w, my + 3), (CX, my + d + 2), (CX - w, my + 3))
        m = c.poly(top + bot[1:])
        c.paint(dilate(m, 2.2), line)
        c.paint(m, "#fffaf2")
        c.paint(c.line([(CX - w + 3, my + 2.5), (CX + w - 3, my + 2.5)], 1.6), "#c9b9a6")
        for x in (-w * 0.45, 0, w * 0.45):
            c.paint(c.line([(CX + x, my - 2), (CX + x, my + d - 3)], 1.3), "#d8cab8", clip=m)
    elif kind == "pressed":  # lips pressed together, slightly pulled to one side
        pts = path((CX - w, my + d), ("C", (CX - w * 0.4, my - 1), (CX + w * 0.3, my + 1), (CX + w, my - d * 0.3)))
        c.paint(c.ellipse(CX, my + 7, w * 0.45, 4), lipc, 0.45)
        c.paint(c.line(pts, lw), line)


def blush(pc):
    a = pc.e["blush"] * pc.p.get("blush_k", 1.0)
    if a <= 0:
        return
    c = pc.c
    m = union(*[c.ellipse(CX + s * 50, EYE_Y + 33, 18, 11) for s in (-1, 1)])
    m = m.filter(ImageFilter.GaussianBlur(5 * SS))
    c.paint(m, pc.p.get("blush", "#e07a6a"), a * 0.8, clip=pc.head)


def worry_marks(pc):
    c, e = pc.c, pc.e
    if e["crease"]:
        base = EYE_Y - pc.p.get("brow_gap", 27)
        for s in (-1, 1):
            x = CX + s * 5
            c.paint(c.line(quad((x, base - 8), (x + s * 1.5, base - 2), (x, base + 5)), 2.2), pc.skin_sh, 0.75)
    if e["worry"]:
        base = EYE_Y - pc.p.get("brow_gap", 27) - 18
        for k, dy in enumerate((0, -9)):
            w = 22 - k * 4
            pts = quad((CX - w, base + dy + 2), (CX, base + dy - 5), (CX + w, base + dy + 2))
            c.paint(c.line(pts, 2.2), pc.skin_sh, 0.6, clip=pc.head)


def sweat(pc, x=None, y=None, s=1.0):
    if not pc.e["sweat"]:
        return
    c = pc.c
    x = x or CX + pc.rx - 14
    y = y or pc.cy - 38
    pts = path((x, y - 17 * s), ("C", (x + 3 * s, y - 9 * s), (x + 10 * s, y - 2 * s), (x + 10 * s, y + 5 * s)),
               ("C", (x + 10 * s, y + 11 * s), (x + 5 * s, y + 15 * s), (x, y + 15 * s)),
               ("C", (x - 5 * s, y + 15 * s), (x - 10 * s, y + 11 * s), (x - 10 * s, y + 5 * s)),
               ("C", (x - 10 * s, y - 2 * s), (x - 3 * s, y - 9 * s), (x, y - 17 * s)))
    m = c.poly(pts)
    c.paint(dilate(m, 1.5), "#4f8fa3")
    c.paint(m, "#a9d6e2")
    c.paint(c.ellipse(x - 3.5 * s, y + 5 * s, 2.8 * s, 4.2 * s), "#ffffff", 0.9)


def features(pc):
    for s in (-1, 1):
        eye(pc, s)
    nose(pc)
    blush(pc)
    worry_marks(pc)
    for s in (-1, 1):
        brow(pc, s)
    mouth(pc)


def hair_cap(pc, hairline, grow=8, up=4):
    """Hair covering the head above a hairline (list of points, left to right)."""
    c = pc.c
    cap = c.poly(head_pts(CX, pc.cy - up, pc.rx + grow, pc.ry + grow, 2.0, 0.0))
    region = c.poly(hairline + [(hairline[-1][0] + 60, hairline[-1][1]), (hairline[-1][0] + 60, 0),
                                (hairline[0][0] - 60, 0), (hairline[0][0] - 60, hairline[0][1])])
    return inter(cap, region)


def hair_paint(pc, m, shade_dir=1, hi=True):
    c = pc.c
    c.paint(m, pc.hair)
    c.paint(minus(m, shift(m, -12 * shade_dir, -6)), darker(pc.hair, 0.25), 0.6)
    if hi:
        c.paint(minus(m, shift(m, 5, 5)), lighter(pc.hair, 0.22), 0.5)


def hair_shadow_on_face(pc, m, dy=7):
    pc.c.paint(shift(m, 3, dy), pc.skin_sh, 0.55, clip=minus(pc.head, m))


# ---------------------------------------------------------------- personas
def jeroen_body(pc):
    c = pc.c
    hood = "#5e6f73"
    t = torso_mask(pc, 1.02)
    c.paint(t, hood)
    c.paint(minus(t, shift(t, -22, 0)), darker(hood, 0.25), 0.5)
    # hood bunched behind the neck
    hm = c.poly(path((CX - 92, 392), ("C", (CX - 100, 330), (CX - 60, 318), (CX, 318)),
                     ("C", (CX + 60, 318), (CX + 100, 330), (CX + 92, 392)),
                     ("Q", (CX, 420), (CX - 92, 392))))
    c.paint(hm, darker(hood, 0.18))
    c.paint(c.poly(path((CX - 74, 388), ("C", (CX - 76, 344), (CX - 40, 334), (CX, 334)),
                        ("C", (CX + 40, 334), (CX + 76, 344), (CX + 74, 388)))), darker(hood, 0.38))
    neck(pc, 33, bottom=404)
    # round neckline with a ribbed band; the hood lies behind it
    front = c.poly(path((CX - 76, 380), ("Q", (CX, 446), (CX + 76, 380)), (CX + 120, 380), (CX + 120, 540),
                        (CX - 120, 540), (CX - 120, 380)))
    c.paint(inter(front, t), hood)
    band = c.line(quad((CX - 74, 382), (CX, 444), (CX + 74, 382)), 10)
    c.paint(band, darker(hood, 0.12))
    c.paint(c.line([(CX + 4, 412), (CX + 26, 396)], 3), darker(hood, 0.35), 0.5)
    # drawstrings
    for s in (-1, 1):
        x0 = CX + s * 24
        c.paint(c.line([(x0, 412), (x0 + s * 3, 478)], 5), OFFW)
        c.paint(c.rrect(x0 + s * 3 - 4, 474, x0 + s * 3 + 4, 494, 3), "#c9c1b3")
    c.paint(c.line([(CX - 200, 520), (CX - 180, 470)], 4), darker(hood, 0.3), 0.4)
    c.paint(c.line([(CX + 200, 520), (CX + 182, 472)], 4), darker(hood, 0.3), 0.4)


def jeroen_hair(pc):
    c = pc.c
    hl = path((150, 262), (168, 250), (172, 214), ("Q", (176, 186), (196, 176)),
              (206, 186), (214, 170), (228, 180), (240, 166), (254, 178), (268, 165),
              (282, 178), (296, 166), (306, 180), (320, 172), ("Q", (338, 186), (340, 214)), (344, 250), (362, 262))
    m = hair_cap(pc, hl, grow=9, up=6)
    tufts = union(*[c.ellipse(x, y, r) for x, y, r in
                    ((198, 152, 24), (230, 134, 24), (266, 128, 25), (300, 134, 24), (324, 152, 20), (256, 146, 40))])
    m = union(m, tufts)
    hair_shadow_on_face(pc, m, 6)
    hair_paint(pc, m)
    for pts in (((224, 150), (244, 140), (260, 144)), ((272, 140), (290, 136), (304, 146)), ((198, 168), (206, 154), (220, 148))):
        c.paint(c.line(quad(*pts), 3), lighter(pc.hair, 0.3), 0.7)
    # stubble on the jaw, chin and upper lip
    ny = EYE_Y + 34
    region = c.poly([(CX - 100, pc.cy + 22), (CX - 58, pc.cy + 42), (CX - 26, ny + 8), (CX + 26, ny + 8),
                     (CX + 58, pc.cy + 42), (CX + 100, pc.cy + 22), (CX + 100, 420), (CX - 100, 420)])
    st = inter(pc.head, region)
    c.paint(region.filter(ImageFilter.GaussianBlur(5 * SS)), pc.hair, 0.32, clip=pc.head)
    # stipple texture
    for i in range(-9, 10):
        for j in range(0, 7):
            x = CX + i * 8.5 + (j % 2) * 4
            y = ny + 12 + j * 8
            c.paint(c.ellipse(x, y, 1.0), darker(pc.hair, 0.3), 0.22, clip=st)


def jeroen_hand(pc):
    """Hand pressed to the forehead (stressed)."""
    c = pc.c
    hood = "#5e6f73"
    arm = c.line([(520, 600), (372, 262)], 70)
    c.paint(arm, hood)
    c.paint(minus(arm, shift(arm, -14, 0)), darker(hood, 0.25), 0.5)
    c.paint(c.line([(398, 300), (344, 284)], 6), darker(hood, 0.35), 0.6)
    # palm on the temple, fingers across the forehead
    palm = c.ellipse(352, 226, 34, 44, deg=-28)
    fingers = []
    for k, (x0, y0, x1, y1, w) in enumerate(((340, 192, 292, 160, 19), (348, 206, 290, 178, 20),
                                             (352, 222, 298, 198, 19), (352, 236, 312, 222, 17))):
        fingers.append(c.line([(x0, y0), (x1, y1)], w))
    thumb = c.line([(364, 250), (338, 276)], 18)
    hand = union(palm, thumb, *fingers)
    c.paint(shift(hand, -4, 6), pc.skin_sh, 0.5, clip=minus(pc.head, hand))
    c.paint(hand, pc.skin)
    c.paint(minus(hand, shift(hand, -8, -4)), pc.skin_sh, 0.5)
    for f in fingers[1:]:
        c.paint(outline(f, 2.2), pc.skin_sh, 0.6, clip=hand)


def sofie_body(pc):
    c = pc.c
    top = "#efe2cc"
    card = pc.p["cardigan"]
    t = torso_mask(pc, 0.94)
    c.paint(t, card)
    c.paint(minus(t, shift(t, -20, 0)), darker(card, 0.25), 0.5)
    neck(pc, 30, bottom=410)
    # top with scoop neckline
    v = c.poly(path((CX - 60, 378), ("Q", (CX, 436), (CX + 60, 378)), (CX + 52, 530), (CX - 52, 530)))
    c.paint(v, top)
    c.paint(c.poly(path((CX - 60, 378), ("Q", (CX, 436), (CX + 60, 378)), (CX + 60, 372), ("Q", (CX, 428), (CX - 60, 372)))),
            darker(top, 0.08))
    # cardigan fronts
    for s in (-1, 1):
        f = c.poly(path((CX + s * 64, 376), ("Q", (CX + s * 40, 450), (CX + s * 34, 530)), (CX + s * 120, 530),
                        (CX + s * 120, 376)))
        c.paint(inter(f, t), card)
        c.paint(c.line(path((CX + s * 64, 376), ("Q", (CX + s * 40, 450), (CX + s * 34, 530))), 9),
                darker(card, 0.18))
    for y in (466, 508):
        c.paint(c.ellipse(CX - 38, y, 5.5), "#f3dcb8")
    # ribbing hint on the shoulders
    c.paint(c.line([(CX - 196, 512), (CX - 176, 462)], 4), darker(card, 0.3), 0.35)
    c.paint(c.line([(CX + 196, 512), (CX + 178, 464)], 4), darker(card, 0.3), 0.35)


def sofie_ponytail(pc):
    c = pc.c
    # low ponytail, brought forward over the left shoulder (viewer's right)
    pt = c.poly(path((CX + 40, 286), ("C", (CX + 92, 292), (CX + 116, 350), (CX + 108, 410)),
                     ("C", (CX + 104, 440), (CX + 96, 462), (CX + 84, 476)),
                     ("C", (CX + 88, 440), (CX + 84, 380), (CX + 54, 336))))
    c.paint(shift(pt, -6, 6), darker(pc.p["cardigan"], 0.3), 0.5)
    c.paint(pt, pc.hair)
    c.paint(minus(pt, shift(pt, -9, 0)), darker(pc.hair, 0.25), 0.6)
    for pts in (((CX + 66, 320), (CX + 104, 370), (CX + 94, 450)), ((CX + 76, 312), (CX + 110, 350), (CX + 104, 410))):
        c.paint(c.line(quad(*pts), 2.4), lighter(pc.hair, 0.25), 0.6)
    c.paint(c.ellipse(CX + 66, 312, 10, 8, deg=30), TERRA)


def sofie_hair(pc):
    c = pc.c
    hl = path((150, 280), (168, 276), ("C", (170, 240), (172, 212), (186, 192)),
              ("C", (204, 168), (236, 178), (258, 170)),
              ("C", (286, 160), (322, 170), (334, 198)), ("C", (342, 220), (342, 250), (344, 276)), (362, 280))
    m = hair_cap(pc, hl, grow=10, up=7)
    # loose strands framing the face
    for (x0, y0, x1, y1, x2, y2) in ((184, 196, 170, 246, 180, 294), (328, 194, 346, 246, 334, 290)):
        m = union(m, c.tapered(quad((x0, y0), (x1, y1), (x2, y2)), 13, 3))
    hair_shadow_on_face(pc, m, 7)
    hair_paint(pc, m)
    # parting and strand lines, all sweeping back towards the tie
    c.paint(c.line(quad((222, 128), (226, 150), (214, 178)), 3), darker(pc.hair, 0.35), 0.8)
    for pts in (((232, 138), (290, 140), (326, 186)), ((214, 156), (196, 168), (186, 200)),
                ((240, 162), (286, 152), (318, 196)), ((268, 128), (310, 136), (334, 176))):
        c.paint(c.line(quad(*pts), 2.6), lighter(pc.hair, 0.28), 0.6)


def hilde_back(pc):
    c = pc.c
    bob = c.poly(path((156, 240), ("C", (150, 150), (200, 112), (256, 112)), ("C", (312, 112), (362, 150), (356, 240)),
                      ("C", (356, 290), (354, 316), (344, 330)), ("Q", (300, 336), (300, 300)),
                      (212, 300), ("Q", (212, 336), (168, 330)), ("C", (158, 316), (156, 290), (156, 240))))
    pc.bob = bob
    c.paint(bob, darker(pc.hair, 0.2))


def hilde_body(pc):
    c = pc.c
    blouse = "#2f6e6d"
    apron = "#3a3430"
    t = torso_mask(pc, 0.92)
    c.paint(t, blouse)
    c.paint(minus(t, shift(t, -20, 0)), darker(blouse, 0.25), 0.5)
    neck(pc, 29, bottom=410)
    # collar
    for s in (-1, 1):
        col = c.poly([(CX + s * 30, 366), (CX + s * 4, 414), (CX + s * 58, 404), (CX + s * 64, 372)])
        c.paint(col, lighter(blouse, 0.12))
    # apron bib and neck strap
    for s in (-1, 1):
        c.paint(c.line([(CX + s * 34, 360), (CX + s * 62, 424)], 11), apron)
    bib = c.poly(path((CX - 66, 420), (CX + 66, 420), (CX + 80, 530), (CX - 80, 530)))
    c.paint(bib, apron)
    c.paint(minus(bib, shift(bib, -10, 0)), darker(apron, 0.3), 0.5)
    # chest pocket with a comb and scissors
    y = 430
    c.paint(c.rrect(CX + 22, y - 16, CX + 30, y + 16, 2), "#d9d2c6")
    for k in range(5):
        c.paint(c.line([(CX + 22, y - 12 + k * 5), (CX + 18, y - 12 + k * 5)], 1.5), "#d9d2c6")
    c.paint(outline(c.ellipse(CX + 42, y - 8, 6, 6), 3), "#c9a25a")
    c.paint(outline(c.ellipse(CX + 53, y - 6, 6, 6), 3), "#c9a25a")
    c.paint(c.rrect(CX + 14, y, CX + 62, y + 40, 6), lighter(apron, 0.08))
    c.paint(c.line([(CX + 14, y + 4), (CX + 62, y + 4)], 2), darker(apron, 0.4))


def hilde_arms(pc, dy=-36):
    """Arms crossed in front of the apron."""
    c = pc.c
    blouse = "#2f6e6d"

    def m(*pts):
        return [(x, y + dy) for x, y in pts]
    # the forearm behind, its hand tucked under the other arm
    back = c.line(m((40, 560), (392, 500)), 58)
    c.paint(back, darker(blouse, 0.12))
    c.paint(outline(back, 3.5), darker(blouse, 0.45), 0.7)
    c.paint(c.line(m((372, 476), (384, 520)), 4), darker(blouse, 0.35), 0.5)
    # the forearm in front, from the right elbow to the left upper arm
    front = c.line(m((480, 560), (150, 500)), 60)
    c.paint(shift(front, 0, -6), darker(blouse, 0.4), 0.45)
    c.paint(front, blouse)
    c.paint(minus(front, shift(front, 0, 9)), lighter(blouse, 0.14), 0.7)
    c.paint(outline(front, 3.5), darker(blouse, 0.45), 0.7)
    cuff = inter(front, c.poly(m((150, 440), (186, 440), (172, 560), (136, 560))))
    c.paint(cuff, lighter(blouse, 0.08))
    c.paint(c.line(m((184, 470), (170, 530)), 3), darker(blouse, 0.3), 0.6)
    # her hand on the left upper arm: palm and four fingers
    fingers = [c.line(m((136, 478 + k * 10), (104 - k * 2, 466 + k * 11)), 11) for k in range(4)]
    palm = c.ellipse(138, 496 + dy, 20, 24, deg=-20)
    hand = union(palm, *fingers)
    c.paint(shift(hand, 3, 5), darker(blouse, 0.4), 0.4)
    c.paint(hand, pc.skin)
    for f in fingers[1:]:
        c.paint(outline(f, 2), pc.skin_sh, 0.7, clip=hand)
    c.paint(minus(hand, shift(hand, 0, -6)), pc.skin_sh, 0.45)


def hilde_hair(pc):
    c = pc.c
    # side-swept fringe and the bob's front pieces
    fr = c.poly(path((160, 250), ("C", (150, 150), (210, 110), (262, 114)), ("C", (330, 116), (364, 170), (356, 250)),
                     ("C", (354, 280), (352, 300), (346, 326)), ("Q", (336, 300), (330, 240)),
                     ("C", (322, 200), (300, 186), (270, 190)),
                     ("C", (240, 192), (214, 172), (200, 176)),
                     ("C", (186, 184), (182, 220), (182, 250)),
                     ("C", (182, 290), (178, 312), (168, 330)), ("C", (162, 300), (160, 276), (160, 250))))
    hair_shadow_on_face(pc, fr, 7)
    hair_paint(pc, fr)
    for pts in (((210, 138), (262, 128), (320, 168)), ((196, 160), (250, 150), (300, 180)),
                ((176, 210), (170, 260), (172, 306)), ((340, 210), (348, 260), (344, 306))):
        c.paint(c.line(quad(*pts), 3), lighter(pc.hair, 0.4), 0.7)
    c.paint(c.line(quad((226, 184), (262, 160), (330, 200)), 2.5), darker(pc.hair, 0.3), 0.5)


def hilde_face_extra(pc):
    c = pc.c
    # gentle age lines: smile lines
    for s in (-1, 1):
        c.paint(c.line(quad((CX + s * 20, EYE_Y + 40), (CX + s * 32, EYE_Y + 56), (CX + s * 32, EYE_Y + 70)), 2.2),
                pc.skin_sh, 0.5)
    # gold stud earrings peek below the bob
    for s in (-1, 1):
        c.paint(c.ellipse(CX + s * 80, EYE_Y + 36, 4.5), GOLD)


def mireille_back(pc):
    c = pc.c
    circles = []
    k = 0
    for ring, (rr, r) in enumerate(((112, 34), (96, 30))):
        n = 15 - ring * 3
        for i in range(n):
            a = math.radians(190 + i * (160 / (n - 1)) + ring * 6)
            circles.append((CX + rr * 1.04 * math.cos(a), 226 + rr * math.sin(a), r - (k % 3) * 2))
            k += 1
    for side in (-1, 1):
        for j, y in enumerate((250, 282, 312)):
            circles.append((CX + side * (108 - j * 6), y, 30 - j * 3))
    m = union(*[c.ellipse(x, y, r) for x, y, r in circles], c.ellipse(CX, 220, 110, 104), c.ellipse(CX, 262, 104, 62))
    pc.curls_back = circles
    c.paint(m, pc.hair)
    c.paint(minus(m, shift(m, -14, -6)), darker(pc.hair, 0.3), 0.6)
    for x, y, r in circles:
        c.paint(c.line(ellipse_pts(x, y, r * 0.55, r * 0.5, 20, 200, 330), 2.4), lighter(pc.hair, 0.14), 0.8)


def mireille_body(pc):
    c = pc.c
    top = "#d98b3f"
    t = torso_mask(pc, 0.92)
    c.paint(t, top)
    c.paint(minus(t, shift(t, -20, 0)), darker(top, 0.22), 0.5)
    neck(pc, 29, bottom=410)
    crew_neck(pc, t, top, 50, 374, 48, 3.5)
    # little appliqué heart (childcare)
    hx, hy = CX - 104, 460
    heart = union(c.ellipse(hx - 7, hy, 8), c.ellipse(hx + 7, hy, 8),
                  c.poly([(hx - 14.5, hy + 3), (hx + 14.5, hy + 3), (hx, hy + 18)]))
    c.paint(heart, TEAL)
    # lanyard
    for s in (-1, 1):
        c.paint(c.line(quad((CX + s * 46, 380), (CX + s * 30, 450), (CX + s * 6, 492)), 6), TEAL)
    c.paint(c.rrect(CX - 18, 488, CX + 18, 530, 5), OFFW)
    c.paint(c.rrect(CX - 10, 498, CX + 10, 506, 2), TERRA, 0.8)


def mireille_phone(pc):
    c = pc.c
    top = "#d98b3f"
    sl = c.line([(470, 600), (420, 488)], 74)
    c.paint(sl, top)
    c.paint(minus(sl, shift(sl, -12, 0)), darker(top, 0.25), 0.5)
    palm = c.ellipse(410, 448, 34, 40, deg=-12)
    c.paint(palm, pc.skin)
    c.paint(minus(palm, shift(palm, -8, -6)), pc.skin_sh, 0.5)
    ph = c.poly(rrect_pts(394, 404, 62, 112, 12, -12))
    c.paint(shift(ph, 5, 6), darker(top, 0.45), 0.35)
    c.paint(ph, "#2b2b30")
    scr = c.poly(rrect_pts(394, 404, 52, 98, 7, -12))
    c.paint(scr, "#3f7f83")
    c.paint(c.poly(rrect_pts(390, 380, 34, 14, 6, -12)), OFFW, 0.85, clip=scr)
    c.paint(c.poly(rrect_pts(398, 404, 34, 14, 6, -12)), GOLD, 0.9, clip=scr)
    # fingers around the edges
    for (x0, y0, x1, y1) in ((430, 402, 420, 404), (432, 424, 421, 426), (432, 446, 420, 448)):
        c.paint(c.line([(x0, y0), (x1, y1)], 15), pc.skin)
    th = c.line([(388, 478), (366, 446)], 17)
    c.paint(th, pc.skin)
    c.paint(minus(th, shift(th, -5, -2)), pc.skin_sh, 0.5)


def mireille_hair(pc):
    c = pc.c
    circles = [(186, 182, 24), (206, 158, 26), (232, 146, 26), (258, 142, 27), (284, 146, 26), (308, 158, 25),
               (328, 180, 23), (176, 214, 18), (338, 212, 17)]
    m = union(*[c.ellipse(x, y, r) for x, y, r in circles], c.ellipse(CX, 150, 80, 34))
    m = minus(m, minus(c.ellipse(CX, 250, 74, 80), c.rrect(0, 0, 512, 170, 0)))
    hair_shadow_on_face(pc, m, 7)
    hair_paint(pc, m)
    for x, y, r in circles[::2]:
        c.paint(c.line(ellipse_pts(x, y, r * 0.55, r * 0.5, 16, 210, 300), 2.2), lighter(pc.hair, 0.18), 0.7)


def crew_neck(pc, t, color, w=52, y=374, dip=46, band=5):
    c = pc.c
    front = c.poly(path((CX - w, y), ("Q", (CX, y + dip), (CX + w, y)), (CX + w + 20, y - 8), (CX + w + 20, 540),
                        (CX - w - 20, 540), (CX - w - 20, y - 8)))
    c.paint(inter(front, t), color)
    c.paint(c.line(quad((CX - w, y), (CX, y + dip), (CX + w, y)), band * 2), darker(color, 0.18), clip=t)


def default_body(pc):
    c = pc.c
    sw = "#4d7f7c"
    t = torso_mask(pc, 0.98)
    c.paint(t, sw)
    c.paint(minus(t, shift(t, -20, 0)), darker(sw, 0.22), 0.5)
    neck(pc, 31, bottom=410)
    crew_neck(pc, t, sw, 52, 372, 44, 6)


def default_hair(pc):
    c = pc.c
    hl = path((156, 236), (170, 234), ("C", (172, 206), (180, 190), (198, 182)),
              ("C", (214, 186), (226, 178), (238, 172)),
              ("C", (262, 178), (296, 168), (318, 180)), ("C", (334, 190), (340, 210), (342, 234)), (356, 236))
    m = hair_cap(pc, hl, grow=9, up=6)
    m = union(m, c.ellipse(262, 140, 54, 22, deg=-4))
    hair_shadow_on_face(pc, m, 6)
    hair_paint(pc, m)
    for pts in (((214, 150), (252, 126), (300, 130)), ((226, 166), (264, 146), (318, 152))):
        c.paint(c.line(quad(*pts), 2.6), lighter(pc.hair, 0.25), 0.7)


# ---------------------------------------------------------------- shared pieces for the later personas
def shaded_torso(pc, color, width=0.96, top=378):
    c = pc.c
    t = torso_mask(pc, width, top)
    c.paint(t, color)
    c.paint(minus(t, shift(t, -20, 0)), darker(color, 0.24), 0.5)
    return t


def glasses(pc, frame="#3a3330", w=27, h=19, r=7, lw=4.0, dy=2, tint=None):
    """Spectacles over the eyes; the arms run back to the ears."""
    c = pc.c
    rims = []
    for s in (-1, 1):
        ex = CX + s * (EYE_DX + 1)
        lens = c.rrect(ex - w, EYE_Y + dy - h, ex + w, EYE_Y + dy + h, r)
        if tint:
            c.paint(lens, tint, 0.55)
        # a soft glint in the upper left of each lens
        c.paint(c.line([(ex - w + 9, EYE_Y + dy - h + 12), (ex - w + 17, EYE_Y + dy - h + 5)], 3.2), OFFW, 0.55,
                clip=lens)
        rims.append(outline(lens, lw))
        # the arm to the ear
        x0 = ex + s * w
        c.paint(c.line([(x0, EYE_Y + dy - h + 6), (CX + s * (pc.rx - 2), EYE_Y + 2)], lw * 0.8), frame)
    c.paint(union(*rims), frame)
    c.paint(c.line(quad((CX - 9, EYE_Y + dy - h + 8), (CX, EYE_Y + dy - h + 3), (CX + 9, EYE_Y + dy - h + 8)), lw * 0.9),
            frame)
    # shadow of the frame on the cheeks
    c.paint(shift(union(*rims), 2, 4), pc.skin_sh, 0.3, clip=minus(pc.head, dilate(union(*rims), 1)))


def age_lines(pc, smile=0.5, forehead=0.0, crow=0.0):
    c = pc.c
    for s in (-1, 1):
        if smile:
            c.paint(c.line(quad((CX + s * 20, EYE_Y + 40), (CX + s * 32, EYE_Y + 56), (CX + s * 32, EYE_Y + 70)), 2.2),
                    pc.skin_sh, smile)
        if crow:
            for k in (-1, 0, 1):
                x = CX + s * (EYE_DX + 22)
                c.paint(c.line([(x, EYE_Y + k * 6), (x + s * 8, EYE_Y + k * 8)], 1.8), pc.skin_sh, crow)
    if forehead:
        base = EYE_Y - pc.p.get("brow_gap", 27) - 26
        for k in range(2):
            w = 30 - k * 6
            c.paint(c.line(quad((CX - w, base - k * 10 + 2), (CX, base - k * 10 - 3), (CX + w, base - k * 10 + 2)), 2.0),
                    pc.skin_sh, forehead, clip=pc.head)


def shirt_collar(pc, shirt, open_=False, spread=1.0):
    """Two collar points around the neck."""
    c = pc.c
    for s in (-1, 1):
        if open_:
            pts = [(CX + s * 30, 358), (CX + s * 6, 410), (CX + s * 24, 424), (CX + s * 62, 384), (CX + s * 50, 362)]
        else:
            pts = [(CX + s * 30, 360), (CX + s * 2, 404), (CX + s * 16, 424), (CX + s * 50 * spread, 398),
                   (CX + s * 46, 364)]
        col = c.poly(pts)
        c.paint(shift(col, s * 2, 5), darker(shirt, 0.35), 0.4)
        c.paint(col, shirt)
        c.paint(outline(col, 2.2), darker(shirt, 0.28), 0.8)


# ---------------------------------------------------------------- key-account: Hans Wolters (56), financial director
def hans_body(pc):
    c = pc.c
    jacket, shirt, tie = "#34445a", "#e4ebf0", "#b5563f"
    t = shaded_torso(pc, jacket, 1.0)
    neck(pc, 33, bottom=406)
    # shirt front in the jacket's V
    v = c.poly([(CX - 64, 372), (CX + 64, 372), (CX + 6, 520), (CX - 6, 520)])
    c.paint(inter(v, t), shirt)
    c.paint(c.line([(CX - 10, 430), (CX - 14, 520)], 2), darker(shirt, 0.2), 0.5)
    # tie: knot and blade, a faint diagonal stripe
    blade = c.poly(path((CX - 9, 418), (CX + 9, 418), (CX + 19, 492), (CX, 520), (CX - 19, 492)))
    c.paint(shift(blade, 3, 3), darker(shirt, 0.4), 0.35)
    c.paint(blade, tie)
    for k in range(4):
        y = 430 + k * 22
        c.paint(c.line([(CX - 24, y + 10), (CX + 24, y - 8)], 4), darker(tie, 0.22), 0.8, clip=blade)
    c.paint(minus(blade, shift(blade, -6, 0)), darker(tie, 0.25), 0.5)
    shirt_collar(pc, shirt)
    knot = c.poly(path((CX - 13, 400), (CX + 13, 400), (CX + 9, 420), (CX - 9, 420)))
    c.paint(knot, darker(tie, 0.08))
    c.paint(minus(knot, shift(knot, -4, 0)), darker(tie, 0.3), 0.5)
    # lapels, each with a notch
    for s in (-1, 1):
        lap = c.poly([(CX + s * 62, 366), (CX + s * 84, 386), (CX + s * 74, 412), (CX + s * 94, 420),
                      (CX + s * 14, 520), (CX + s * 12, 520)])
        edge = [(CX + s * 62, 366), (CX + s * 13, 520)]
        lap = union(lap, c.poly([(CX + s * 62, 366), (CX + s * 66, 366), (CX + s * 15, 520), (CX + s * 11, 520)]))
        c.paint(lap, jacket)
        c.paint(minus(lap, shift(lap, s * 5, 0)), lighter(jacket, 0.12), 0.7)
        c.paint(outline(lap, 3), darker(jacket, 0.4), 0.8)
        c.paint(c.line(edge, 3), darker(jacket, 0.35))
    # pocket square peeking out on his left breast (viewer's right)
    c.paint(c.poly([(CX + 120, 450), (CX + 128, 434), (CX + 134, 444), (CX + 142, 436), (CX + 146, 450)]), OFFW, 0.95)
    c.paint(c.line([(CX + 112, 452), (CX + 150, 448)], 4), darker(jacket, 0.4))


def hans_hair(pc):
    c = pc.c
    # short, grey, side parting on his right (viewer's left), receding a little at the temples
    hl = path((158, 240), (178, 238), ("C", (180, 214), (182, 198), (190, 188)),
              ("C", (198, 182), (204, 178), (212, 172)),
              ("C", (234, 162), (278, 160), (306, 170)),
              ("C", (318, 176), (326, 184), (330, 196)), ("C", (334, 212), (334, 226), (334, 238)), (354, 240))
    m = hair_cap(pc, hl, grow=7, up=5)
    m = union(m, c.ellipse(270, 146, 66, 22, deg=-3))
    hair_shadow_on_face(pc, m, 5)
    hair_paint(pc, m)
    c.paint(c.line(quad((214, 142), (212, 156), (210, 170)), 2.6), darker(pc.hair, 0.35), 0.7)
    for pts in (((220, 140), (262, 126), (312, 138)), ((226, 154), (270, 140), (326, 158)),
                ((174, 200), (176, 184), (196, 168))):
        c.paint(c.line(quad(*pts), 2.6), lighter(pc.hair, 0.35), 0.7)
    # greyer at the temples
    for s in (-1, 1):
        c.paint(c.ellipse(CX + s * 84, 222, 12, 26), lighter(pc.hair, 0.3), 0.5, clip=m)


def hans_face_extra(pc):
    age_lines(pc, smile=0.55, forehead=0.0 if pc.name == "stressed" else 0.35, crow=0.35)


def hans_glasses(pc):
    glasses(pc, "#3b3531", w=27, h=18, r=5, lw=4.2)

def crossed_arms(pc, sleeve, dy=-36, cuff=None, seam=True):
    """Arms folded across the chest: one forearm behind, one in front, a hand on the upper arm."""
    c = pc.c

    def m(*pts):
        return [(x, y + dy) for x, y in pts]
    back = c.line(m((40, 560), (392, 500)), 62)
    c.paint(back, darker(sleeve, 0.12))
    c.paint(outline(back, 3.5), darker(sleeve, 0.45), 0.7)
    front = c.line(m((486, 560), (150, 500)), 64)
    c.paint(shift(front, 0, -6), darker(sleeve, 0.4), 0.45)
    c.paint(front, sleeve)
    c.paint(minus(front, shift(front, 0, 9)), lighter(sleeve, 0.14), 0.7)
    c.paint(outline(front, 3.5), darker(sleeve, 0.45), 0.7)
    cf = inter(front, c.poly(m((148, 440), (188, 440), (174, 560), (134, 560))))
    c.paint(cf, cuff or lighter(sleeve, 0.08))
    c.paint(c.line(m((186, 470), (172, 532)), 3), darker(sleeve, 0.3), 0.6)
    if seam:
        c.paint(c.line(m((300, 496), (420, 518)), 2.5), darker(sleeve, 0.3), 0.5)
    # the hand on the other upper arm: palm and four fingers
    fingers = [c.line(m((136, 478 + k * 10), (102 - k * 2, 466 + k * 11)), 12) for k in range(4)]
    palm = c.ellipse(138, 496 + dy, 21, 25, deg=-20)
    hand = union(palm, *fingers)
    c.paint(shift(hand, 3, 5), darker(sleeve, 0.4), 0.4)
    c.paint(hand, pc.skin)
    for f in fingers[1:]:
        c.paint(outline(f, 2), pc.skin_sh, 0.7, clip=hand)
    c.paint(minus(hand, shift(hand, 0, -6)), pc.skin_sh, 0.45)


def beard(pc, dens=1.0, moustache=True, cheek=None):
    """A short, trimmed full beard, drawn before the features so the mouth sits on top."""
    c = pc.c
    my = pc.p.get("mouth_y", EYE_Y + 62)
    ny = pc.p.get("nose_y", EYE_Y + 34)
    cheek = cheek or pc.cy + 30
    region = c.poly(path((CX - 120, cheek - 20), (CX - pc.rx + 2, cheek - 14),
                         ("C", (CX - 72, cheek + 14), (CX - 52, my - 8), (CX - 32, my - 8)),
                         (CX + 32, my - 8),
                         ("C", (CX + 52, my - 8), (CX + 72, cheek + 14), (CX + pc.rx - 2, cheek - 14)),
                         (CX + 120, cheek - 20), (CX + 120, 420), (CX - 120, 420)))
    m = inter(dilate(pc.head, 3), region)
    if moustache:
        mo = c.poly(path((CX - 32, my + 2), ("C", (CX - 30, my - 14), (CX - 14, ny + 8), (CX, ny + 10)),
                         ("C", (CX + 14, ny + 8), (CX + 30, my - 14), (CX + 32, my + 2)),
                         ("Q", (CX, my - 8), (CX - 32, my + 2))))
        m = union(m, mo)
    # keep the lower lip clear
    m = minus(m, c.ellipse(CX, my + 9, 16, 6.5))
    m = m.filter(ImageFilter.GaussianBlur(1.0 * SS))
    col = pc.p.get("beard", pc.hair)
    c.paint(m, col, 0.95 * dens)
    c.paint(minus(m, shift(m, -10, -6)), darker(col, 0.3), 0.45 * dens)
    # a soft, irregular hair texture
    for i in range(-9, 10):
        for j in range(0, 10):
            x = CX + i * 9 + ((j * 5 + i * 3) % 7) - 3
            y = ny + j * 8 + ((i * 7 + j) % 5) - 2
            c.paint(c.line([(x, y), (x + 1.0, y + 3.5)], 1.5), darker(col, 0.35), 0.3 * dens, clip=m)
    # the edge softly breaks up towards the cheeks
    c.paint(minus(m, shift(m, 0, 4)), lighter(col, 0.2), 0.4 * dens)


# ---------------------------------------------------------------- wont-pay: Rob Verhoeven (47), works planner
ROB_JACKET = "#5f6b4b"


def rob_body(pc):
    c = pc.c
    tee = "#3e4248"
    t = shaded_torso(pc, ROB_JACKET, 1.04)
    neck(pc, 36, bottom=408)
    crew_neck(pc, t, tee, 44, 372, 38, 4)
    v = c.poly([(CX - 60, 366), (CX + 60, 366), (CX + 40, 540), (CX - 40, 540)])
    c.paint(inter(v, minus(t, c.poly(path((CX - 44, 360), ("Q", (CX, 410), (CX + 44, 360)), (CX + 44, 340), (CX - 44, 340))))),
            tee)
    c.paint(c.line(quad((CX - 44, 372), (CX, 410), (CX + 44, 372)), 7), darker(tee, 0.2))
    # jacket fronts with a zip edge, and a folded-down collar
    for s in (-1, 1):
        f = c.poly(path((CX + s * 58, 372), ("Q", (CX + s * 48, 440), (CX + s * 44, 540)), (CX + s * 140, 540),
                        (CX + s * 140, 372)))
        c.paint(inter(f, t), ROB_JACKET)
        c.paint(c.line(path((CX + s * 58, 372), ("Q", (CX + s * 48, 440), (CX + s * 44, 540))), 4), darker(ROB_JACKET, 0.35))
        col = c.poly([(CX + s * 34, 350), (CX + s * 58, 366), (CX + s * 70, 404), (CX + s * 100, 386), (CX + s * 84, 356),
                      (CX + s * 40, 340)])
        c.paint(shift(col, s * 2, 5), darker(ROB_JACKET, 0.45), 0.45)
        c.paint(col, lighter(ROB_JACKET, 0.06))
        c.paint(outline(col, 2.6), darker(ROB_JACKET, 0.4), 0.8)
    # chest pocket flap on his right (viewer's left) shoulder area, mostly hidden by the arms
    c.paint(c.rrect(CX - 150, 404, CX - 100, 414, 3), darker(ROB_JACKET, 0.2))


def rob_hair(pc):
    c = pc.c
    # a close crop, receding at the temples, faded short at the sides
    hl = path((164, 236), (176, 234), ("C", (178, 208), (184, 196), (196, 186)),
              ("C", (210, 180), (222, 170), (240, 168)),
              ("C", (262, 172), (292, 166), (316, 184)), ("C", (328, 194), (334, 210), (336, 234)), (348, 236))
    m = hair_cap(pc, hl, grow=4, up=3)
    top = inter(m, c.rrect(0, 0, 512, 196, 0))
    sides = minus(m, top)
    hair_shadow_on_face(pc, top, 3)
    c.paint(top, pc.hair)
    c.paint(sides, pc.hair, 0.7)
    c.paint(minus(m, shift(m, -10, -5)), darker(pc.hair, 0.25), 0.5)
    for i in range(-9, 10):
        for j in range(0, 8):
            x = CX + i * 9 + ((j * 5 + i * 3) % 7) - 3
            y = 134 + j * 9 + ((i * 7 + j) % 5) - 2
            c.paint(c.line([(x, y), (x + 1.5, y + 3)], 1.4), darker(pc.hair, 0.3), 0.35, clip=m)
    c.paint(minus(m, shift(m, 4, 5)), lighter(pc.hair, 0.25), 0.45)


def rob_face_extra(pc):
    beard(pc)
    age_lines(pc, smile=0.0, forehead=0.3 if pc.name != "stressed" else 0.0, crow=0.3)


def rob_arms(pc):
    crossed_arms(pc, ROB_JACKET, dy=-58)


# ---------------------------------------------------------------- holiday: Nathalie Verhaegen (38), dental assistant
def wave_side(x_top, y_top, x_bot, y_bot, amp, side, n=4):
    """Points down a wavy outer hair edge."""
    pts = []
    for i in range(n * 8 + 1):
        t = i / (n * 8)
        x = x_top + (x_bot - x_top) * t + side * amp * math.sin(t * n * math.pi)
        y = y_top + (y_bot - y_top) * t
        pts.append((x, y))
    return pts


def nathalie_back(pc):
    c = pc.c
    # long loose waves, falling behind the shoulders
    left = wave_side(176, 200, 150, 432, 9, -1)
    right = wave_side(336, 200, 362, 432, 9, 1)
    m = c.poly(path((CX, 118), ("C", (210, 118), (166, 150), (168, 200))) + left +
               path((150, 432), ("Q", (200, 452), (CX, 440)), ("Q", (312, 452), (362, 432))) + right[::-1] +
               path((344, 200), ("C", (346, 150), (302, 118), (CX, 118))))
    c.paint(m, darker(pc.hair, 0.18))
    c.paint(minus(m, shift(m, -14, 0)), darker(pc.hair, 0.35), 0.5)


def nathalie_body(pc):
    c = pc.c
    top = "#f6f0e6"
    stripe = "#3f6f9a"
    t = shaded_torso(pc, top, 0.94)
    for k in range(9):
        y = 402 + k * 22
        c.paint(c.line([(0, y), (512, y - 6)], 9), stripe, clip=t)
    c.paint(minus(t, shift(t, -20, 0)), darker(top, 0.3), 0.35)
    neck(pc, 29, bottom=404)
    # wide boat neckline
    nl = c.poly(path((CX - 96, 380), ("Q", (CX, 420), (CX + 96, 380)), (CX + 96, 360), (CX - 96, 360)))
    c.paint(inter(minus(nl, c.poly(path((CX - 96, 380), ("Q", (CX, 420), (CX + 96, 380)), (CX + 96, 340), (CX - 96, 340)))), t),
            top)
    c.paint(inter(c.poly(path((CX - 100, 360), (CX + 100, 360), (CX + 100, 382), ("Q", (CX, 420), (CX - 100, 382)))), t),
            lighter(pc.skin, 0.02))
    skin = inter(c.poly(path((CX - 110, 360), (CX + 110, 360), (CX + 110, 380), ("Q", (CX, 420), (CX - 110, 380)))), t)
    c.paint(skin, pc.skin)
    c.paint(c.line(quad((CX - 100, 382), (CX, 422), (CX + 100, 382)), 6), darker(top, 0.12), clip=t)
    # collarbones and a thin gold chain with a small pendant
    for s in (-1, 1):
        c.paint(c.line(quad((CX + s * 20, 398), (CX + s * 44, 390), (CX + s * 70, 394)), 2.4), pc.skin_sh, 0.5)
    c.paint(c.line(quad((CX - 30, 366), (CX, 404), (CX + 30, 366)), 1.8), GOLD)
    c.paint(c.ellipse(CX, 406, 4.2), GOLD)


def nathalie_hair(pc):
    c = pc.c
    # centre-left parting, the front falls in waves past the shoulders on both sides
    cap = hair_cap(pc, path((150, 262), (172, 258), ("C", (174, 222), (186, 196), (208, 184)),
                            ("C", (226, 176), (238, 166), (244, 152)),
                            ("C", (256, 170), (290, 176), (314, 190)),
                            ("C", (330, 204), (338, 230), (342, 258)), (362, 262)), grow=11, up=8)
    fronts = []
    for s in (-1, 1):
        outer = wave_side(CX + s * 92, 200, CX + s * 104, 444, 8, s, 4)
        inner = wave_side(CX + s * 70, 230, CX + s * 62, 438, 6, s, 3)
        tip = (CX + s * 84, 462)
        fronts.append(c.poly(outer + [tip] + inner[::-1] + [(CX + s * 74, 200)]))
    m = erode(dilate(union(cap, *fronts), 5), 5)
    hair_shadow_on_face(pc, m, 7)
    hair_paint(pc, m)
    c.paint(c.line(quad((246, 130), (246, 144), (242, 156)), 2.6), darker(pc.hair, 0.35), 0.7)
    # wavy strand lines
    for s in (-1, 1):
        for k, off in enumerate((0, 12)):
            pts = wave_side(CX + s * (78 + off * 0.5), 236 + k * 12, CX + s * (80 + off * 0.8), 430, 6, s, 3)
            c.paint(c.line(pts, 2.4), lighter(pc.hair, 0.28), 0.6, clip=erode(m, 3))
    for pts in (((236, 158), (204, 176), (184, 214)), ((254, 160), (296, 172), (326, 206)),
                ((236, 136), (200, 150), (180, 190))):
        c.paint(c.line(quad(*pts), 2.6), lighter(pc.hair, 0.3), 0.65)
    sunglasses_up(pc, m)


def sunglasses_up(pc, hair, y=160):
    """Sunglasses pushed up onto the hair."""
    c = pc.c
    frame, lens = "#4a2e22", "#2f4a52"
    lenses = []
    for s in (-1, 1):
        ex = CX + s * 36
        l = c.poly(rotate(rrect_pts(ex, y, 50, 24, 10), s * -5, ex, y))
        lenses.append(l)
    both = union(*lenses)
    c.paint(shift(both, 2, 6), darker(pc.hair, 0.45), 0.45)
    c.paint(both, lens)
    c.paint(minus(both, shift(both, 0, -8)), lighter(lens, 0.25), 0.6)
    for s in (-1, 1):
        ex = CX + s * 36
        c.paint(c.line([(ex - 16, y - 6), (ex - 6, y - 9)], 3), OFFW, 0.5, clip=both)
    c.paint(outline(both, 3.6), frame)
    c.paint(c.line(quad((CX - 9, y - 6), (CX, y - 11), (CX + 9, y - 6)), 4), frame)
    for s in (-1, 1):
        c.paint(c.line([(CX + s * 60, y - 2), (CX + s * 78, y + 10)], 4.5), frame, clip=hair)


def nathalie_face_extra(pc):
    c = pc.c
    # freckles over the nose and cheeks
    for (x, y) in ((-38, 262), (-28, 266), (-46, 268), (-20, 258), (-33, 274), (-52, 260),
                   (38, 262), (28, 266), (46, 268), (20, 258), (33, 274), (52, 260), (-8, 254), (8, 254)):
        c.paint(c.ellipse(CX + x, y, 1.7), darker(pc.skin, 0.3), 0.55)


# ---------------------------------------------------------------- small-business: Griet Van Hove (46), print shop owner
GRIET_SHIRT = "#4d6d8c"


def griet_bun(pc):
    c = pc.c
    bx, by = CX + 8, 116
    bun = union(c.ellipse(bx, by, 40, 32), c.ellipse(bx - 22, by + 6, 20, 18), c.ellipse(bx + 24, by + 4, 22, 18))
    pc.bun = bun
    # a pencil pushed through the bun
    p0, p1 = (bx - 62, by - 30), (bx + 58, by + 8)
    pen = c.line([p0, p1], 11, cap=False)
    c.paint(pen, "#e9b640")
    c.paint(c.line([(p0[0] + 2, p0[1] + 3), (p1[0], p1[1] + 3)], 3), "#c98f2a", 0.8)
    tip = c.poly([(p1[0] - 2, p1[1] - 5.5), (p1[0] + 16, p1[1] + 5), (p1[0] - 4, p1[1] + 5.5)])
    c.paint(tip, "#efd3a6")
    c.paint(c.ellipse(p1[0] + 13, p1[1] + 4, 3), CHAR)
    c.paint(c.line([(p0[0] - 8, p0[1] - 2.5), (p0[0] + 2, p0[1] + 0.5)], 11), "#d67c7c")
    c.paint(c.line([(p0[0] + 3, p0[1] - 4), (p0[0] + 1, p0[1] + 4.5)], 4), "#b9b4aa")
    c.paint(bun, pc.hair)
    c.paint(minus(bun, shift(bun, -10, -6)), darker(pc.hair, 0.3), 0.6)
    for pts in (((bx - 30, by - 4), (bx - 6, by - 28), (bx + 28, by - 16)),
                ((bx - 24, by + 14), (bx + 4, by - 6), (bx + 34, by + 8)),
                ((bx - 4, by + 22), (bx + 20, by + 10), (bx + 38, by + 18))):
        c.paint(c.line(quad(*pts), 2.4), lighter(pc.hair, 0.25), 0.7, clip=bun)


def griet_body(pc):
    c = pc.c
    sh = GRIET_SHIRT
    t = shaded_torso(pc, sh, 0.95)
    neck(pc, 30, bottom=406)
    # open collar: a little V of skin, the placket below it
    v = c.poly([(CX - 34, 368), (CX + 34, 368), (CX, 430)])
    c.paint(inter(v, t), pc.skin)
    c.paint(inter(c.poly([(CX - 34, 368), (CX + 34, 368), (CX + 20, 386), (CX - 20, 386)]), v), pc.skin_sh, 0.6)
    c.paint(c.line([(CX, 430), (CX, 540)], 3), darker(sh, 0.35))
    c.paint(c.line([(CX + 9, 432), (CX + 9, 540)], 2), darker(sh, 0.25), 0.7)
    for y in (452, 496):
        c.paint(c.ellipse(CX + 4, y, 4.5), lighter(sh, 0.5))
    shirt_collar(pc, lighter(sh, 0.08), open_=True)
    # chest pocket with two pens on her left (viewer's right); the shop's logo patch on the other side
    pk = c.rrect(CX + 60, 440, CX + 118, 500, 6)
    c.paint(c.line([(CX + 72, 416), (CX + 72, 448)], 7), TERRA)
    c.paint(c.line([(CX + 86, 420), (CX + 86, 448)], 7), "#2d2a26")
    c.paint(c.ellipse(CX + 86, 420, 4), "#d9d2c6")
    c.paint(pk, lighter(sh, 0.06))
    c.paint(outline(pk, 2.2), darker(sh, 0.35), 0.8)
    c.paint(c.line([(CX + 60, 452), (CX + 118, 452)], 2.2), darker(sh, 0.35), 0.7)
    patch = c.rrect(CX - 112, 440, CX - 62, 470, 7)
    c.paint(patch, OFFW)
    # the logo: three overlapping ink dots (cyan, magenta, yellow)
    for k, col in enumerate(("#3aa6c9", "#d0508a", "#e9c53a")):
        c.paint(c.ellipse(CX - 98 + k * 11, 455, 7), col, 0.85)
    # ink smudges on the sleeve and shirt
    for (x, y, r, col) in ((CX + 150, 470, 7, "#2d2a26"), (CX + 160, 484, 4, "#d0508a"), (CX - 150, 500, 5, "#3aa6c9")):
        c.paint(c.ellipse(x, y, r, r * 0.8), col, 0.55)


def griet_hair(pc):
    c = pc.c
    # pulled back into the bun; a few strands escape at the temples
    hl = path((158, 244), (172, 242), ("C", (176, 214), (186, 196), (200, 184)),
              ("C", (222, 170), (244, 166), (262, 168)),
              ("C", (290, 168), (316, 180), (326, 194)), ("C", (334, 210), (338, 226), (340, 242)), (354, 244))
    m = hair_cap(pc, hl, grow=6, up=5)
    strands = []
    for (x0, y0, x1, y1, x2, y2) in ((184, 196, 170, 232, 180, 270), (330, 200, 344, 232, 334, 262)):
        strands.append(c.tapered(quad((x0, y0), (x1, y1), (x2, y2)), 9, 2))
    m = union(m, *strands)
    hair_shadow_on_face(pc, m, 5)
    hair_paint(pc, m)
    for pts in (((200, 184), (226, 150), (262, 136)), ((232, 170), (256, 148), (276, 136)),
                ((314, 180), (300, 152), (280, 138)), ((182, 220), (196, 168), (232, 142))):
        c.paint(c.line(quad(*pts), 2.4), lighter(pc.hair, 0.3), 0.6)
    # a few silver hairs at the temple
    c.paint(c.line(quad((326, 196), (330, 214), (334, 236)), 2.2), "#c9c3ba", 0.8)


def griet_face_extra(pc):
    age_lines(pc, smile=0.3, crow=0.2)


# ---------------------------------------------------------------- heavy-usage: Esther Wijnands (46), lab technician
ESTHER_CARDI = "#d6c3a2"
ESTHER_SCARF = "#b95c43"
ESTHER_HAT = "#d2a14a"


def esther_back(pc):
    c = pc.c
    # straight dark hair to the shoulders, behind the head
    m = c.poly(path((CX - 96, 200), ("C", (CX - 104, 260), (CX - 104, 320), (CX - 96, 372)), (CX + 96, 372),
                    ("C", (CX + 104, 320), (CX + 104, 260), (CX + 96, 200))))
    c.paint(m, darker(pc.hair, 0.1))


def esther_body(pc):
    c = pc.c
    cd = ESTHER_CARDI
    t = shaded_torso(pc, cd, 1.0)
    # chunky cable knit: twisted ropes down the fronts
    for x in (CX - 150, CX - 96, CX + 96, CX + 150):
        for k in range(6):
            y = 396 + k * 24
            c.paint(c.line(quad((x - 9, y), (x, y + 8), (x + 9, y)), 4), darker(cd, 0.18), 0.8, clip=t)
            c.paint(c.line(quad((x - 9, y + 12), (x, y + 20), (x + 9, y + 12)), 4), darker(cd, 0.18), 0.8, clip=t)
        c.paint(c.line([(x - 14, 390), (x - 14, 540)], 2.4), darker(cd, 0.22), 0.6, clip=t)
        c.paint(c.line([(x + 14, 390), (x + 14, 540)], 2.4), darker(cd, 0.22), 0.6, clip=t)
    neck(pc, 30, bottom=400)
    # a thick scarf wound round the neck, one end hanging down the front
    sc = ESTHER_SCARF
    wrap = c.poly(path((CX - 78, 348), ("Q", (CX, 372), (CX + 78, 348)), ("C", (CX + 104, 362), (CX + 104, 410), (CX + 80, 424)),
                       ("Q", (CX, 452), (CX - 80, 424)), ("C", (CX - 104, 410), (CX - 104, 362), (CX - 78, 348))))
    end = c.poly(path((CX + 10, 410), (CX + 70, 414), ("Q", (CX + 72, 470), (CX + 66, 540)), (CX + 14, 540),
                      ("Q", (CX + 8, 470), (CX + 10, 410))))
    c.paint(shift(union(wrap, end), 4, 8), darker(cd, 0.45), 0.35)
    c.paint(end, darker(sc, 0.1))
    for k in range(5):
        x = CX + 20 + k * 11
        c.paint(c.line([(x, 424), (x + 1, 540)], 2.4), darker(sc, 0.3), 0.6, clip=end)
    c.paint(wrap, sc)
    c.paint(c.line(quad((CX - 90, 388), (CX, 414), (CX + 90, 388)), 4), darker(sc, 0.25), 0.8, clip=wrap)
    c.paint(minus(wrap, shift(wrap, 0, 8)), lighter(sc, 0.15), 0.6)
    c.paint(minus(wrap, shift(wrap, -12, 0)), darker(sc, 0.25), 0.5)
    for k in range(-6, 7):
        x = CX + k * 13
        c.paint(c.line([(x, 372 - abs(k) * 2.8 + 10), (x + 1, 420 - abs(k) * 2 + 6)], 2.2), darker(sc, 0.22), 0.45, clip=wrap)


def esther_hair(pc):
    c = pc.c
    # hair falls from under the hat on both sides
    fronts = []
    for s in (-1, 1):
        fronts.append(c.poly(path((CX + s * 96, 196), ("C", (CX + s * 104, 250), (CX + s * 104, 300), (CX + s * 98, 352)),
                                  (CX + s * 76, 356), ("C", (CX + s * 80, 300), (CX + s * 76, 240), (CX + s * 70, 200)))))
    m = union(*fronts)
    hair_shadow_on_face(pc, m, 4)
    hair_paint(pc, m)
    for s in (-1, 1):
        c.paint(c.line(path((CX + s * 88, 210), ("C", (CX + s * 94, 260), (CX + s * 94, 300), (CX + s * 90, 344))), 2.4),
                lighter(pc.hair, 0.3), 0.6)
    # knitted hat with a folded band and a pompom
    hat = ESTHER_HAT
    crown = c.poly(path((CX - 94, 204), ("C", (CX - 100, 128), (CX - 50, 104), (CX, 104)),
                        ("C", (CX + 50, 104), (CX + 100, 128), (CX + 94, 204))))
    band = c.poly(path((CX - 98, 214), ("Q", (CX, 178), (CX + 98, 214)), (CX + 96, 178), ("Q", (CX, 142), (CX - 96, 178))))
    pom = union(c.ellipse(CX, 100, 17), *[c.ellipse(CX + 15 * math.cos(a * math.pi / 4), 100 + 14 * math.sin(a * math.pi / 4), 7)
                                          for a in range(8)])
    c.paint(shift(band, 2, 6), pc.skin_sh, 0.55, clip=pc.head)
    c.paint(pom, lighter(hat, 0.2))
    c.paint(minus(pom, shift(pom, -6, -4)), darker(hat, 0.15), 0.6)
    c.paint(crown, hat)
    c.paint(minus(crown, shift(crown, -12, 0)), darker(hat, 0.25), 0.5)
    for k in range(-4, 5):
        c.paint(c.line(quad((CX + k * 19, 170 - abs(k) * 1.5), (CX + k * 21, 136), (CX + k * 9, 108)), 2.4),
                darker(hat, 0.2), 0.6, clip=crown)
    c.paint(band, darker(hat, 0.06))
    for k in range(-10, 11):
        x = CX + k * 9.5
        y0 = 150 + (k / 10) ** 2 * 30
        c.paint(c.line([(x, y0 - 4), (x, y0 + 32)], 3), darker(hat, 0.22), 0.55, clip=band)
    c.paint(minus(band, shift(band, 0, -5)), darker(hat, 0.3), 0.45)


def esther_mug(pc):
    c = pc.c
    cd = ESTHER_CARDI
    mx, my = CX + 8, 462
    # sleeves coming in from below
    for s, (x0, y0, x1, y1) in ((-1, (60, 600, CX - 50, 490)), (1, (470, 600, CX + 66, 492))):
        sl = c.line([(x0, y0), (x1, y1)], 74)
        c.paint(shift(sl, 0, -4), darker(cd, 0.35), 0.4)
        c.paint(sl, cd)
        c.paint(minus(sl, shift(sl, -10, 0)), darker(cd, 0.22), 0.5)
        cuffm = inter(sl, c.ellipse(x1, y1 + 10, 42, 30))
        c.paint(cuffm, darker(cd, 0.08))
        for k in range(-3, 4):
            c.paint(c.line([(x1 + k * 9 - 8, y1 - 20), (x1 + k * 9 + 8, y1 + 30)], 2.2), darker(cd, 0.25), 0.6, clip=cuffm)
    # steam
    if pc.name != "stressed":
        for k, dx in enumerate((-14, 8)):
            pts = [(mx + dx + 6 * math.sin(i / 3.0 + k), my - 44 - i * 4) for i in range(12)]
            c.paint(c.line(pts, 4), OFFW, 0.75)
    body = c.rrect(mx - 34, my - 40, mx + 34, my + 36, 10)
    handle = outline(c.ellipse(mx + 38, my - 2, 16, 20), 9)
    mugcol = TEAL
    c.paint(shift(body, 4, 6), darker(cd, 0.45), 0.35)
    c.paint(minus(handle, body), mugcol)
    c.paint(body, mugcol)
    c.paint(c.ellipse(mx, my - 40, 34, 8), darker(mugcol, 0.4))
    c.paint(c.ellipse(mx, my - 38, 28, 5.5), "#8b5a3c")
    c.paint(minus(body, shift(body, -10, 0)), darker(mugcol, 0.25), 0.5)
    c.paint(c.rrect(mx - 26, my - 28, mx - 18, my + 22, 4), lighter(mugcol, 0.25), 0.7)
    c.paint(heart_mask(c, mx + 4, my + 2, 0.24), OFFW, 0.85)
    # hands wrapped round the mug
    for s in (-1, 1):
        x = mx + s * 36
        palm = c.ellipse(x, my + 10, 20, 28, deg=s * -12)
        reach = 28 if s < 0 else 16
        fingers = [c.line([(x - s * 4, my - 6 + k * 13), (x - s * reach, my - 2 + k * 13)], 12) for k in range(3)]
        hand = union(palm, *fingers)
        c.paint(hand, pc.skin)
        for f in fingers[1:]:
            c.paint(outline(f, 2), pc.skin_sh, 0.7, clip=hand)
        c.paint(minus(hand, shift(hand, 0, -6)), pc.skin_sh, 0.45)
        thumb = c.line([(x, my - 10), (x - s * 12, my - 26)], 12)
        c.paint(thumb, pc.skin)
        c.paint(minus(thumb, shift(thumb, -4, -2)), pc.skin_sh, 0.5)


# ---------------------------------------------------------------- care-costs: Esther van Dam (46), dental assistant
EVD_TOP = "#8792b1"
EVD_SCARF = "#d8a6a0"


def evd_body(pc):
    c = pc.c
    t = shaded_torso(pc, EVD_TOP, 0.92)
    neck(pc, 28, bottom=406)
    crew_neck(pc, t, EVD_TOP, 46, 376, 40, 4)
    # a soft, loose scarf draped round the neck, the ends hanging down
    sc = EVD_SCARF
    loop = c.poly(path((CX - 70, 356), ("Q", (CX, 384), (CX + 70, 356)), ("C", (CX + 96, 372), (CX + 90, 420), (CX + 52, 440)),
                       ("Q", (CX, 462), (CX - 52, 440)), ("C", (CX - 90, 420), (CX - 96, 372), (CX - 70, 356))))
    hole = c.poly(path((CX - 56, 372), ("Q", (CX, 404), (CX + 56, 372)), ("Q", (CX + 44, 414), (CX, 426)),
                       ("Q", (CX - 44, 414), (CX - 56, 372))))
    ends = union(c.poly(path((CX - 74, 410), ("Q", (CX - 92, 470), (CX - 84, 540)), (CX - 34, 540),
                             ("Q", (CX - 36, 470), (CX - 22, 432)))),
                 c.poly(path((CX + 30, 430), ("Q", (CX + 46, 480), (CX + 40, 540)), (CX + 84, 540),
                             ("Q", (CX + 90, 470), (CX + 72, 414)))))
    c.paint(shift(union(loop, ends), 4, 8), darker(EVD_TOP, 0.4), 0.35)
    c.paint(ends, darker(sc, 0.08))
    c.paint(minus(ends, shift(ends, -8, 0)), darker(sc, 0.25), 0.5)
    for x in (CX - 60, CX - 48, CX + 56, CX + 68):
        c.paint(c.line(quad((x, 440), (x - 2, 490), (x, 540)), 2.2), darker(sc, 0.2), 0.6, clip=ends)
    scarf = minus(loop, hole)
    c.paint(scarf, sc)
    c.paint(minus(scarf, shift(scarf, 0, 7)), lighter(sc, 0.2), 0.6)
    c.paint(minus(scarf, shift(scarf, -10, 0)), darker(sc, 0.22), 0.5)
    for pts in (((CX - 60, 392), (CX, 430), (CX + 60, 392)), ((CX - 70, 404), (CX, 446), (CX + 70, 404))):
        c.paint(c.line(quad(*pts), 2.4), darker(sc, 0.2), 0.6, clip=scarf)


def evd_hair(pc):
    c = pc.c
    # a short, slightly tousled crop with a soft side fringe, a few grey strands
    hl = path((158, 248), (172, 246), ("C", (172, 220), (176, 200), (186, 190)),
              ("C", (204, 196), (226, 196), (248, 186)),
              ("C", (272, 176), (300, 186), (322, 194)), ("C", (334, 208), (338, 226), (340, 246)), (354, 248))
    m = hair_cap(pc, hl, grow=10, up=8)
    tufts = union(*[c.ellipse(x, y, r) for x, y, r in ((190, 168, 22), (226, 142, 24), (262, 134, 26), (298, 142, 24),
                                                         (324, 164, 20))])
    m = union(m, tufts)
    # a fringe swept across the forehead
    fr = c.poly(path((176, 196), ("C", (196, 160), (250, 150), (300, 168)), ("C", (274, 176), (250, 194), (224, 206)),
                     ("C", (206, 212), (190, 210), (176, 196))))
    m = union(m, fr)
    hair_shadow_on_face(pc, m, 6)
    hair_paint(pc, m)
    for pts in (((188, 196), (230, 170), (292, 168)), ((200, 206), (236, 190), (270, 178)),
                ((212, 150), (250, 136), (296, 146)), ((300, 154), (322, 172), (330, 200))):
        c.paint(c.line(quad(*pts), 2.4), lighter(pc.hair, 0.3), 0.65)
    for pts in (((236, 146), (266, 140), (296, 152)), ((184, 212), (180, 230), (182, 244))):
        c.paint(c.line(quad(*pts), 2.2), "#cfc8bd", 0.8)


def evd_face_extra(pc):
    age_lines(pc, smile=0.22, crow=0.0)
    c = pc.c
    # a faint, tired shadow under the eyes
    for s in (-1, 1):
        ex = CX + s * EYE_DX
        c.paint(c.ellipse(ex + s * 2, EYE_Y + 12, 15, 4.5).filter(ImageFilter.GaussianBlur(2.5 * SS)), "#b59a9f", 0.22)


def evd_letter(pc):
    """The insurer's bill, held up in her hand."""
    c = pc.c
    cx, cy, ang = 146, 436, -10
    sl = c.line([(40, 600), (134, 490)], 70)
    c.paint(sl, EVD_TOP)
    c.paint(minus(sl, shift(sl, -10, 0)), darker(EVD_TOP, 0.25), 0.5)
    sheet = c.poly(rrect_pts(cx, cy, 96, 124, 4, ang))
    c.paint(shift(sheet, 5, 7), darker(EVD_TOP, 0.45), 0.35)
    c.paint(sheet, "#fbf8f2")
    c.paint(outline(sheet, 2), "#c9bfb0")

    def tr(pts):
        return rotate(pts, ang, cx, cy)
    # logo: a small cross, then text lines and the amount
    cr = c.poly(tr([(cx - 36, cy - 50), (cx - 30, cy - 50), (cx - 30, cy - 44), (cx - 24, cy - 44), (cx - 24, cy - 38),
                    (cx - 30, cy - 38), (cx - 30, cy - 32), (cx - 36, cy - 32), (cx - 36, cy - 38), (cx - 42, cy - 38),
                    (cx - 42, cy - 44), (cx - 36, cy - 44)]))
    c.paint(cr, TEAL)
    c.paint(c.line(tr([(cx - 16, cy - 41), (cx + 18, cy - 41)]), 4), TEAL, 0.7)
    for k, x1 in enumerate((30, 22, 30, 10)):
        y = cy - 20 + k * 13
        c.paint(c.line(tr([(cx - 36, y), (cx + x1, y)]), 3), "#b9b1a5")
    c.paint(c.line(tr([(cx + 4, cy + 42), (cx + 34, cy + 42)]), 5), TERRA, 0.9)
    # the hand: fingers behind the sheet, the thumb in front
    palm = c.ellipse(130, 490, 24, 26, deg=-30)
    c.paint(palm, pc.skin)
    c.paint(minus(palm, shift(palm, -6, -4)), pc.skin_sh, 0.5)
    th = c.line(tr([(cx - 30, cy + 46), (cx - 14, cy + 30)]), 15)
    c.paint(shift(th, 2, 3), pc.skin_sh, 0.4)
    c.paint(th, pc.skin)
    c.paint(minus(th, shift(th, -3, -3)), pc.skin_sh, 0.5)
    for k in range(3):
        tip = c.ellipse(*tr([(cx + 46, cy + 10 + k * 14)])[0], 7, 6)
        c.paint(minus(tip, sheet), pc.skin)


PERSONAS = {
    "ostrich": dict(
        bg="#bdb48e", skin="#eec3a2", hair="#8a6a3e", iris="#5a7384", jaw=2.7, chin=0.14,
        head_rx=84, brow_w=8.5, bags=0.5, flick=0, lash_w=3.2, lip="#c48778", blush="#dd8a78", blush_k=0.7,
        back=None, body=jeroen_body, hair_fn=jeroen_hair, extra=None,
        expr={
            "calm": dict(gaze=(-0.7, 0.25), lid=0.22, mouth=("smile", 24, 7)),
            "neutral": dict(gaze=(-0.9, 0.7), lid=0.42, mouth=("pressed", 20, 3)),
            "stressed": dict(gaze=(-0.9, 0.8), lid=0.12, mouth=("tense", 22, 12), hand=True),
        }),
    "cant-pay": dict(
        bg="#d8aea3", skin="#e6b893", hair="#6a4330", iris="#6b4a2f", jaw=2.2, chin=0.2,
        head_rx=80, brow_w=7, bags=0.45, eye_w=16.5, lip="#bb6d62", lash_w=4.0,
        cardigan="#b9714f", flick=3.0,
        back=None, body=sofie_body, pre_head=sofie_ponytail, hair_fn=sofie_hair, extra=None,
        expr={
            "calm": dict(mouth=("smile", 26, 9)),
            "neutral": dict(mouth=("flat", 19, 2.5), lid=0.32),
            "stressed": dict(mouth=("frown", 20, 7), sweat=True),
        }),
    "dispute": dict(
        bg="#c99276", skin="#f0cdb2", hair="#cfbf9f", iris="#4f7a78", jaw=2.2, chin=0.2,
        head_rx=80, brow_w=7, brow="#9d8a6c", lip="#b24f4a", lash_w=4.0,
        back=hilde_back, body=hilde_body, hair_fn=hilde_hair, extra=hilde_arms, face_extra=hilde_face_extra,
        expr={
            "calm": dict(mouth=("smile", 26, 8)),
            "neutral": dict(mouth=("pressed", 20, 3), lid=0.38, brow_in=7, brow_out=-1),
            "stressed": dict(brow_in=9, brow_out=-5, brow_arch=1, knit=5, lid=0.22, mouth=("frown", 22, 7),
                             worry=False, sweat=False),
        }),
    "twitter-complaint": dict(
        bg="#e3b48f", skin="#8d5a3c", hair="#2b1e18", iris="#3b2418", jaw=2.2, chin=0.2,
        head_rx=80, brow_w=8, lip="#6f3a2c", mouth_line="#3d1c14", blush="#b8563f", blush_k=0.8, lash_w=4.2,
        brow="#1e1511", eye_w=17,
        back=mireille_back, body=mireille_body, hair_fn=mireille_hair, extra=mireille_phone,
        expr={
            "calm": dict(mouth=("open", 28, 11), brow_in=-3, brow_out=-1, brow_arch=-7),
            "neutral": dict(mouth=("flat", 20, 3), gaze=(0.3, 0.0)),
            "stressed": dict(mouth=("tense", 24, 13), brow_in=-15, brow_out=6),
        }),
    "key-account": dict(
        bg="#b5c0b6", skin="#efc4a6", hair="#a9a49c", iris="#56707c", jaw=2.7, chin=0.12,
        head_rx=84, brow_w=8.5, brow="#6d655c", brow_gap=31, lip="#c07f72", blush="#dd8a78", blush_k=0.65, flick=0, lash_w=3.4,
        bags=0.35,
        back=None, body=hans_body, hair_fn=hans_hair, extra=hans_glasses, face_extra=hans_face_extra,
        expr={
            "calm": dict(mouth=("smile", 25, 8)),
            "neutral": dict(mouth=("flat", 21, 1.5), lid=0.4, brow_in=6, brow_out=-1),
            "stressed": dict(mouth=("frown", 20, 5), lid=0.08, brow_in=6, brow_out=-2, brow_arch=0, knit=5,
                             worry=False, sweat=True),
        }),
    "wont-pay": dict(
        bg="#a9b5c0", skin="#e9b596", hair="#8b6242", beard="#9a6a44", iris="#4d6a7a", jaw=2.9, chin=0.1,
        head_rx=86, brow_w=9, brow="#6b4a33", lip="#b87264", blush="#d97f6a", blush_k=0.7, flick=0, lash_w=3.4,
        back=None, body=rob_body, hair_fn=rob_hair, extra=rob_arms, face_extra=rob_face_extra,
        expr={
            "calm": dict(mouth=("smile", 25, 8), brow_in=0, brow_arch=-4),
            "neutral": dict(mouth=("pressed", 21, 3), lid=0.34, brow_in=9, brow_out=-2, brow_arch=0, knit=3,
                            gaze=(0.25, 0.0)),
            "stressed": dict(mouth=("tense", 22, 11), lid=0.12, brow_in=12, brow_out=-6, brow_arch=1, knit=6,
                             worry=False, sweat=False),
        }),
    "holiday": dict(
        bg="#e5c57e", skin="#efc29c", hair="#9c4f2c", iris="#5d7a4e", jaw=2.2, chin=0.2,
        head_rx=80, brow_w=7, brow="#7a3e24", lip="#c46458", blush="#e27a64", lash_w=4.0, eye_w=16.5,
        back=nathalie_back, body=nathalie_body, hair_fn=nathalie_hair, extra=None, face_extra=nathalie_face_extra,
        expr={
            "calm": dict(mouth=("open", 26, 10), brow_in=-2, brow_arch=-6),
            "neutral": dict(mouth=("flat", 19, 2), lid=0.34, gaze=(-0.3, 0.0)),
            "stressed": dict(mouth=("frown", 20, 7)),
        }),
    "small-business": dict(
        bg="#c6b6c8", skin="#f0c6a4", hair="#4a3226", iris="#5b4636", jaw=2.3, chin=0.18,
        head_rx=80, brow_w=7.5, lip="#b9675c", lash_w=3.8, bags=0.3,
        back=griet_bun, body=griet_body, hair_fn=griet_hair, extra=None, face_extra=griet_face_extra,
        expr={
            "calm": dict(mouth=("smile", 27, 10)),
            "neutral": dict(mouth=("flat", 20, 2.5), lid=0.36),
            "stressed": dict(mouth=("frown", 21, 7)),
        }),
    "heavy-usage": dict(
        bg="#abc5c2", skin="#a56d4b", hair="#231915", iris="#3b2718", jaw=2.3, chin=0.18,
        head_rx=80, brow_w=7.5, brow="#1e1511", lip="#7d4334", mouth_line="#42201a", blush="#b8563f", blush_k=0.8,
        lash_w=4.0, eye_w=16.5, bags=0.3,
        back=esther_back, body=esther_body, hair_fn=esther_hair, extra=esther_mug, face_extra=None,
        expr={
            "calm": dict(mouth=("smile", 26, 9)),
            "neutral": dict(mouth=("flat", 20, 2.5), lid=0.36, gaze=(0.3, 0.2)),
            "stressed": dict(mouth=("frown", 21, 7), sweat=False),
        }),
    "care-costs": dict(
        bg="#c3d3bd", skin="#f2d6c6", hair="#8c775f", iris="#6a7f8c", jaw=2.2, chin=0.2,
        head_rx=79, brow_w=6.5, brow="#6e5c4a", lip="#c08a84", blush="#e09a8c", blush_k=0.5, lash_w=3.8,
        bags=0.65, eye_w=16,
        back=None, body=evd_body, hair_fn=evd_hair, extra=evd_letter, face_extra=evd_face_extra,
        expr={
            "calm": dict(mouth=("smile", 24, 8), lid=0.24),
            "neutral": dict(mouth=("flat", 19, 2), lid=0.42, gaze=(-0.2, 0.3)),
            "stressed": dict(mouth=("frown", 20, 6), lid=0.12, sweat=False),
        }),
    "default": dict(
        bg="#d3c6b5", skin="#c99370", hair="#4a3c33", iris="#3f3229", jaw=2.4, chin=0.17,
        head_rx=82, brow_w=7.5, crease=False, blush_k=0.6,
        back=None, body=default_body, hair_fn=default_hair, extra=None,
        expr={}),
}


def portrait(pid, expr):
    persona = PERSONAS[pid]
    pc = P(persona, expr)
    background(pc)
    bg = pc.c
    # the figure is drawn on its own layer and then zoomed a little, so the face fills more of the frame
    c = pc.c = Canvas(512)
    if persona.get("back"):
        persona["back"](pc)
    persona["body"](pc)
    if persona.get("pre_head"):
        persona["pre_head"](pc)
    face_base(pc)
    if persona.get("face_extra"):
        persona["face_extra"](pc)
    features(pc)
    persona["hair_fn"](pc)
    if persona.get("extra"):
        persona["extra"](pc)
    if pc.e.get("hand") and pid == "ostrich":
        jeroen_hand(pc)
        sweat(pc, CX - pc.rx + 12, pc.cy - 30)
    else:
        sweat(pc)
    fig = c.img
    z, px, py = ZOOM, 256 * SS, 290 * SS
    big = fig.resize((round(fig.width * z), round(fig.height * z)), Image.BICUBIC)
    bg.img.alpha_composite(big, (0, 0), (round(px * z - px), round(py * z - py)))
    bg.clip_to(bg.rrect(0, 0, 512, 512, 84))
    return bg.result()


# ======================================================================
#                                  ICONS
# ======================================================================
W = 7.0            # stroke weight at 128 px
INK = TEAL         # line colour
FILL = SAND        # soft fill inside shapes
ACC = TERRA        # the single accent colour


class Icon(Canvas):
    def __init__(self, size=128):
        super().__init__(size)

    def shape(self, m, fill=FILL, stroke=INK, w=W):
        if fill:
            self.paint(m, fill)
        if stroke:
            self.paint(outline(m, w), stroke)

    def stroke(self, pts, color=INK, w=W):
        self.paint(self.line(pts, w), color)

    def bubble(self, x0, y0, x1, y1, tail="left", r=18):
        m = self.rrect(x0, y0, x1, y1, r)
        if tail == "left":
            t = self.poly([(x0 + 16, y1 - 6), (x0 + 40, y1 - 6), (x0 + 8, y1 + 20)])
        elif tail == "right":
            t = self.poly([(x1 - 16, y1 - 6), (x1 - 40, y1 - 6), (x1 - 8, y1 + 20)])
        else:
            t = self.blank()
        return union(m, t)


def person_mask(ic, cx, cy, s=1.0):
    head = ic.ellipse(cx, cy - 20 * s, 15 * s)
    body = ic.poly(path((cx - 30 * s, cy + 34 * s), ("C", (cx - 30 * s, cy + 6 * s), (cx - 16 * s, cy + 2 * s), (cx, cy + 2 * s)),
                        ("C", (cx + 16 * s, cy + 2 * s), (cx + 30 * s, cy + 6 * s), (cx + 30 * s, cy + 34 * s))))
    return head, body


def star_pts(cx, cy, r0, r1, n=5, rot=-90):
    pts = []
    for i in range(2 * n):
        r = r0 if i % 2 == 0 else r1
        a = math.radians(rot + i * 180 / n)
        pts.append((cx + r * math.cos(a), cy + r * math.sin(a)))
    return pts


def heart_mask(ic, cx, cy, s):
    return ic.poly(path((cx, cy + 40 * s), ("C", (cx - 20 * s, cy + 24 * s), (cx - 46 * s, cy + 6 * s), (cx - 46 * s, cy - 14 * s)),
                        ("C", (cx - 46 * s, cy - 34 * s), (cx - 30 * s, cy - 44 * s), (cx - 18 * s, cy - 44 * s)),
                        ("C", (cx - 8 * s, cy - 44 * s), (cx - 2 * s, cy - 38 * s), (cx, cy - 30 * s)),
                        ("C", (cx + 2 * s, cy - 38 * s), (cx + 8 * s, cy - 44 * s), (cx + 18 * s, cy - 44 * s)),
                        ("C", (cx + 30 * s, cy - 44 * s), (cx + 46 * s, cy - 34 * s), (cx + 46 * s, cy - 14 * s)),
                        ("C", (cx + 46 * s, cy + 6 * s), (cx + 20 * s, cy + 24 * s), (cx, cy + 40 * s))))


def shield_mask(ic, cx, cy, s=1.0):
    return ic.poly(path((cx, cy - 48 * s), ("C", (cx + 16 * s, cy - 36 * s), (cx + 30 * s, cy - 34 * s), (cx + 42 * s, cy - 34 * s)),
                        ("C", (cx + 42 * s, cy + 6 * s), (cx + 34 * s, cy + 34 * s), (cx, cy + 50 * s)),
                        ("C", (cx - 34 * s, cy + 34 * s), (cx - 42 * s, cy + 6 * s), (cx - 42 * s, cy - 34 * s)),
                        ("C", (cx - 30 * s, cy - 34 * s), (cx - 16 * s, cy - 36 * s), (cx, cy - 48 * s))))


def arrow(ic, pts, color, head=14, w=W):
    ic.stroke(pts, color, w)
    (x0, y0), (x1, y1) = pts[-2], pts[-1]
    a = math.atan2(y1 - y0, x1 - x0)
    for da in (2.5, -2.5):
        ic.stroke([(x1 + head * math.cos(a + da), y1 + head * math.sin(a + da)), (x1, y1)], color, w)


def slash(ic, x0=24, y0=24, x1=104, y1=104):
    ic.paint(ic.line([(x0, y0), (x1, y1)], W + 6), OFFW)
    ic.stroke([(x0, y0), (x1, y1)], ACC, W)


# ---------------------------------------------------------------- channels
def ic_phone(ic):
    # classic handset, drawn upright around (cx, cy), then tilted
    cx, cy, ang = 58, 66, -40
    spine = rotate(path((cx - 4, cy - 30), ("Q", (cx - 20, cy), (cx - 4, cy + 30))), ang, cx, cy)
    parts = [ic.line(spine, 17)]
    for sy in (-1, 1):
        ex, ey = rotate([(cx + 6, cy + sy * 34)], ang, cx, cy)[0]
        parts.append(ic.poly(rrect_pts(ex, ey, 34, 20, 9, ang)))
    ic.shape(union(*parts), fill=INK)
    for r in (42, 58):
        ic.stroke(ellipse_pts(50, 74, r, r, 20, -78, -12), ACC)


def ic_sms(ic):
    ic.shape(ic.rrect(30, 12, 84, 116, 12))
    ic.stroke([(50, 100), (64, 100)])
    b = ic.bubble(58, 34, 114, 74, "left", 14)
    ic.paint(dilate(b, 4), OFFW)
    ic.shape(b, fill=ACC)
    for x in (74, 86, 98):
        ic.paint(ic.ellipse(x, 54, 4.2), OFFW)


def ic_email(ic):
    env = ic.rrect(10, 28, 110, 98, 10)
    ic.shape(env)
    ic.stroke([(16, 36), (60, 68), (104, 36)])
    cx, cy = 98, 92
    ic.paint(ic.ellipse(cx, cy, 25), OFFW)
    ic.paint(ic.ellipse(cx, cy, 21), ACC)
    # "@" drawn from arcs
    ic.stroke(ellipse_pts(cx - 1, cy, 5.5, 6, 24), OFFW, 3.6)
    ic.stroke([(cx + 4.5, cy - 6.5)] + quad((cx + 4.5, cy + 2), (cx + 5, cy + 7), (cx + 11.6, cy + 2.5))
              + ellipse_pts(cx, cy, 12, 12, 40, 12, -285), OFFW, 3.6)


def ic_letter(ic):
    env = ic.rrect(10, 26, 118, 102, 8)
    ic.shape(env)
    st = ic.rrect(84, 36, 106, 62, 3)
    ic.shape(st, fill=ACC, w=4.5)
    for y, x1 in ((66, 78), (80, 88)):
        ic.stroke([(38, y), (x1, y)])
    ic.stroke([(24, 40), (56, 40)], INK, 4.5)


def ic_visit(ic):
    house = ic.poly([(18, 62), (64, 20), (110, 62), (110, 110), (18, 110)])
    ic.shape(house)
    ic.stroke([(12, 66), (64, 18), (116, 66)])
    door = ic.rrect(52, 72, 76, 114, 5)
    ic.paint(door, ACC)
    ic.paint(outline(door, W * 0.7), INK)
    ic.paint(ic.ellipse(70, 94, 2.8), OFFW)
    ic.stroke([(18, 110), (110, 110)])


def ic_voice(ic):
    b = ic.bubble(10, 20, 118, 94, "left", 22)
    ic.shape(b)
    for i, h in enumerate((10, 22, 32, 18, 26, 12)):
        x = 32 + i * 13
        ic.stroke([(x, 57 - h / 2), (x, 57 + h / 2)], ACC, 7)


def ic_social(ic):
    pts = [(34, 64), (92, 30), (92, 98)]
    ic.stroke([pts[0], pts[1]])
    ic.stroke([pts[0], pts[2]])
    for i, (x, y) in enumerate(pts):
        ic.shape(ic.ellipse(x, y, 17), fill=ACC if i == 0 else FILL)
    # a little heart on the main node
    h = heart_mask(ic, 34, 65, 0.19)
    ic.paint(h, OFFW)


# ---------------------------------------------------------------- principles
def pr_customer(ic):
    head, body = person_mask(ic, 56, 62, 1.45)
    ic.shape(body)
    ic.shape(head)
    st = ic.poly(star_pts(98, 30, 22, 10))
    ic.paint(dilate(st, 5), OFFW)
    ic.shape(st, fill=ACC, w=5)


def pr_3xm(ic):
    # mission (target), person, means (phone) joined in a triangle
    a, b, d = (64, 30), (28, 94), (100, 94)
    ic.stroke([a, b], INK, 4)
    ic.stroke([a, d], INK, 4)
    ic.stroke([b, d], INK, 4)
    for (x, y) in (a, b, d):
        ic.shape(ic.ellipse(x, y, 24))
    ic.paint(outline(ic.ellipse(64, 30, 11), 4.5), ACC)
    ic.paint(ic.ellipse(64, 30, 4), ACC)
    head, body = person_mask(ic, 28, 96, 0.52)
    ic.paint(head, INK)
    ic.paint(inter(body, ic.ellipse(28, 94, 20.5)), INK)
    ic.paint(ic.rrect(91, 80, 109, 108, 4), INK)
    ic.paint(ic.rrect(95, 85, 105, 100, 1.5), FILL)


def pr_connect(ic):
    b1 = ic.bubble(8, 14, 82, 66, "left", 18)
    b2 = ic.bubble(46, 50, 120, 100, "right", 18)
    ic.shape(b1)
    ic.paint(dilate(b2, 4), OFFW)
    ic.shape(b2, fill=ACC)
    for x in (70, 83, 96):
        ic.paint(ic.ellipse(x, 75, 4.2), OFFW)


def pr_oma(ic):
    ic.shape(ic.bubble(8, 12, 120, 98, "left", 22))
    # gavel: handle from the lower left, head across it at the upper right
    cx, cy = 70, 44
    ic.stroke([(cx, cy), (cx - 34, cy + 34)], INK, 7)
    ic.shape(ic.poly(rrect_pts(cx, cy, 42, 20, 5, 45)), fill=FILL, w=5)
    for d in (-17, 17):
        ic.paint(ic.poly(rrect_pts(cx + d * 0.707, cy + d * 0.707, 9, 28, 3, 45)), INK)
    ic.paint(ic.rrect(28, 82, 60, 89, 3), INK)
    slash(ic, 24, 24, 104, 88)


def pr_nivea(ic):
    ic.shape(ic.bubble(8, 12, 120, 98, "left", 22))
    # pencil from the lower left (tip) to the upper right (eraser)
    ang = -45
    cx, cy = 64, 55
    body = [(-26, -8), (22, -8), (22, 8), (-26, 8)]
    tipp = [(-26, -8), (-42, 0), (-26, 8)]
    lead = [(-36, -3), (-42, 0), (-36, 3)]
    eras = [(22, -8), (32, -8), (36, -4), (36, 4), (32, 8), (22, 8)]

    def tr(pts):
        return rotate(move([(-x, y) for x, y in pts], cx, cy), ang, cx, cy)
    ic.paint(ic.poly(tr(body)), INK)
    ic.paint(ic.poly(tr(tipp)), FILL)
    ic.paint(outline(ic.poly(tr(tipp)), 3), INK)
    ic.paint(ic.poly(tr(lead)), INK)
    ic.paint(ic.poly(tr(eras)), INK)
    ic.paint(ic.poly(tr([(18, -8), (21, -8), (21, 8), (18, 8)])), FILL)
    slash(ic, 24, 24, 104, 88)


def pr_anna(ic):
    ic.shape(ic.bubble(8, 14, 120, 98, "left", 22))
    pts = ellipse_pts(64, 42, 14, 13, 30, 190, 360) + quad((78, 42), (78, 52), (64, 58)) + [(64, 66)]
    ic.stroke(pts, ACC, 8)
    ic.paint(ic.ellipse(64, 82, 5.5), ACC)


def pr_lower(ic):
    # an open door with a low, easy step: the threshold lowered
    frame = ic.rrect(30, 14, 98, 112, 6)
    ic.shape(frame, fill=FILL)
    ic.paint(ic.rrect(30 + W / 2, 14 + W / 2, 98 - W / 2, 108, 3), "#fff7e8")
    door = ic.poly([(34, 17), (64, 28), (64, 104), (34, 109)])
    ic.paint(door, ACC)
    ic.paint(outline(door, 5), INK)
    ic.paint(ic.ellipse(57, 68, 3.2), OFFW)
    ic.stroke([(12, 112), (116, 112)])


def pr_read(ic):
    eye = ic.poly(path((10, 64), ("Q", (64, 6), (118, 64)), ("Q", (64, 122), (10, 64))))
    ic.shape(eye)
    ic.paint(ic.ellipse(64, 64, 21), ACC)
    ic.paint(ic.ellipse(64, 64, 9), INK)
    ic.paint(ic.ellipse(57, 57, 4.5), OFFW)
    ic.paint(outline(eye, W), INK)


def piece(ic, x0, y0, x1, y1, knob_r=11, right=True, top=False):
    m = ic.rrect(x0, y0, x1, y1, 8)
    cy = (y0 + y1) / 2
    if top:
        m = union(m, ic.ellipse((x0 + x1) / 2, y0 - knob_r * 0.7, knob_r))
    if right:
        m = union(m, ic.ellipse(x1 + knob_r * 0.7, cy, knob_r))
    else:
        m = minus(m, ic.ellipse(x0 + knob_r * 0.7 - 0.5, cy, knob_r + 1))
    return m


def pr_solve(ic):
    a = piece(ic, 10, 44, 62, 100, right=True, top=True)
    b = piece(ic, 66, 44, 118, 100, right=False, top=True)
    ic.shape(b, fill=ACC)
    ic.shape(a)


def pr_empathy(ic):
    h = heart_mask(ic, 64, 66, 1.15)
    ic.shape(h)
    ic.stroke([(26, 66), (44, 66), (54, 44), (66, 88), (76, 58), (82, 66), (102, 66)], ACC)


def pr_overshoot(ic):
    ic.stroke([(64, 20), (64, 104)])
    ic.stroke([(40, 108), (88, 108)])
    ic.stroke([(22, 34), (106, 34)])
    for x in (22, 106):
        ic.stroke([(x, 34), (x - 14, 70)], INK, 4)
        ic.stroke([(x, 34), (x + 14, 70)], INK, 4)
        pan = ic.poly(path((x - 20, 68), (x + 20, 68), ("Q", (x, 96), (x - 20, 68))))
        ic.shape(pan, w=W * 0.8)
    ic.paint(ic.ellipse(64, 20, 8), ACC)


def pr_hard(ic):
    ic.shape(ic.ellipse(64, 64, 52))
    ic.shape(ic.rrect(42, 42, 86, 86, 3), fill=ACC)


def pr_service(ic):
    dome = ic.poly(path((20, 88), ("C", (20, 56), (40, 38), (64, 38)), ("C", (88, 38), (108, 56), (108, 88))))
    ic.shape(dome)
    ic.shape(ic.rrect(10, 88, 118, 104, 6), fill=INK)
    ic.stroke([(64, 38), (64, 28)])
    ic.stroke([(54, 26), (74, 26)])
    ic.stroke(quad((38, 74), (40, 58), (54, 50)), OFFW, 5)
    for pts in (((18, 28), (26, 38)), ((110, 28), (102, 38))):
        ic.stroke(list(pts), ACC, 5.5)
    ic.stroke([(10, 48), (18, 52)], ACC, 5.5)
    ic.stroke([(118, 48), (110, 52)], ACC, 5.5)


def pr_public(ic):
    horn = ic.poly([(18, 52), (40, 52), (86, 24), (86, 100), (40, 74), (18, 74)])
    handle = ic.poly([(38, 72), (52, 72), (58, 104), (44, 104)])
    ic.shape(handle)
    ic.shape(horn)
    ic.shape(ic.rrect(10, 48, 30, 78, 6), fill=INK)
    for pts in (((98, 46), (116, 36)), ((100, 62), (120, 62)), ((98, 78), (116, 88))):
        ic.stroke(list(pts), ACC)


def pr_plan(ic):
    cal = ic.rrect(12, 20, 116, 114, 12)
    ic.shape(cal)
    ic.paint(inter(cal, ic.rrect(0, 0, 128, 44, 0)), INK)
    for x in (38, 90):
        ic.paint(dilate(ic.line([(x, 10), (x, 28)], W), 3), OFFW)
        ic.stroke([(x, 10), (x, 28)])
    cx, cy = 66, 78
    ic.stroke(ellipse_pts(cx, cy, 20, 22, 36, 40, 320), ACC, 6.5)
    ic.stroke([(cx - 30, cy - 5), (cx + 2, cy - 5)], ACC, 5.5)
    ic.stroke([(cx - 30, cy + 6), (cx + 2, cy + 6)], ACC, 5.5)


def pr_appreciation(ic):
    fist = ic.poly(path((46, 56), (58, 56), ("C", (64, 44), (66, 30), (66, 22)), ("C", (66, 14), (80, 14), (82, 26)),
                        ("C", (84, 38), (80, 48), (78, 56)), (102, 56),
                        ("C", (112, 56), (114, 68), (106, 72)), ("C", (114, 76), (112, 86), (104, 88)),
                        ("C", (110, 92), (108, 102), (100, 104)), (46, 104)))
    ic.shape(fist)
    for y in (72, 88):
        ic.stroke([(90, y), (104, y)], INK, 4.5)
    ic.shape(ic.rrect(14, 52, 40, 108, 5), fill=ACC)


def pr_fair(ic):
    s = shield_mask(ic, 64, 62, 1.05)
    ic.shape(s)
    ic.stroke([(44, 62), (58, 76), (86, 46)], ACC, 9)


CHANNELS = {
    "phone": ic_phone, "sms": ic_sms, "email": ic_email, "letter": ic_letter, "visit": ic_visit,
    "voice_message": ic_voice, "social_media": ic_social,
}

PRINCIPLES = {
    "customer_not_debtor": pr_customer, "3x_m": pr_3xm, "connect": pr_connect, "oma": pr_oma,
    "nivea": pr_nivea, "anna": pr_anna, "lower_the_threat": pr_lower, "read_the_person": pr_read,
    "solve_together": pr_solve, "genuine_empathy": pr_empathy, "dont_overshoot": pr_overshoot,
    "hard_on_content": pr_hard, "service_mindset": pr_service, "public_complaint": pr_public,
    "affordable_plan": pr_plan, "appreciation": pr_appreciation, "fair_treatment": pr_fair,
}


def app_icon():
    c = Canvas(256)
    c.paint(c.rrect(0, 0, 256, 256, 56), TEAL)
    # an ensō-like brush ring: the dojo
    ring = ellipse_pts(128, 128, 100, 100, 90, 118, 398)
    c.paint(c.tapered(ring, 5, 13), GOLD, 0.95)
    b1 = union(c.rrect(44, 56, 170, 138, 34), c.poly([(66, 128), (106, 128), (54, 172)]))
    b2 = union(c.rrect(92, 112, 214, 188, 32), c.poly([(188, 180), (150, 180), (202, 218)]))
    c.paint(b1, SAND)
    h = heart_mask(c, 96, 92, 0.36)
    c.paint(h, TEAL)
    c.paint(dilate(b2, 7), TEAL)
    c.paint(b2, TERRA)
    for x in (124, 153, 182):
        c.paint(c.ellipse(x, 150, 8.5), OFFW)
    return c.result()


# ======================================================================
def contact_sheet(path_out, portraits, channel, principle, app):
    from PIL import ImageFont
    font = ImageFont.load_default()
    cell = 170
    cols = 3
    pw = 60 + cols * cell + 40 + cols * 260
    rows = len(portraits)
    ih = 64 + 40
    icons = [("channel", k, im) for k, im in channel] + [("principle", k, im) for k, im in principle]
    per_row = 12
    irows = (len(icons) + per_row - 1) // per_row
    H = 40 + rows * cell + 20 + irows * (ih + 140) + 300
    Wd = max(pw, per_row * 140 + 40)
    sheet = Image.new("RGBA", (Wd, H), rgb(OFFW) + (255,))
    d = ImageDraw.Draw(sheet)
    y = 20
    for pid, ims in portraits:
        d.text((10, y + 70), pid, fill=rgb(CHAR), font=font)
        for i, (ex, im) in enumerate(ims):
            sm = im.resize((160, 160), Image.LANCZOS)
            sheet.alpha_composite(sm, (100 + i * cell, y))
            mid = im.resize((80, 80), Image.LANCZOS)
            sheet.alpha_composite(mid, (100 + cols * cell + 20 + i * 90, y + 40))
        y += cell
    y += 10
    for r in range(irows):
        row = icons[r * per_row:(r + 1) * per_row]
        # light strip, then a dark strip to check contrast
        d.rectangle([0, y, Wd, y + 150], fill=rgb("#f6efe3"))
        d.rectangle([0, y + 150, Wd, y + 250], fill=rgb("#2d2a26"))
        for i, (kind, k, im) in enumerate(row):
            x = 20 + i * 140
            sheet.alpha_composite(im, (x, y + 4))
            sheet.alpha_composite(im.resize((48, 48), Image.LANCZOS), (x + 40, y + 156))
            sheet.alpha_composite(im.resize((24, 24), Image.LANCZOS), (x + 100, y + 168))
            d.text((x, y + 134), k[:20], fill=rgb(CHAR), font=font)
        y += 260
    sheet.alpha_composite(app, (20, y + 10))
    sheet.alpha_composite(app.resize((64, 64), Image.LANCZOS), (300, y + 10))
    sheet.alpha_composite(app.resize((32, 32), Image.LANCZOS), (380, y + 10))
    sheet = sheet.crop((0, 0, Wd, y + 280))
    os.makedirs(os.path.dirname(path_out), exist_ok=True)
    sheet.convert("RGB").save(path_out)


def main(argv):
    sheet = None
    only = None
    if "--sheet" in argv:
        sheet = argv[argv.index("--sheet") + 1]
    if "--only" in argv:
        only = argv[argv.index("--only") + 1]
    written = []
    portraits = []
    for pid in PERSONAS:
        if only and only not in ("portraits", pid):
            continue
        ims = []
        for ex in ("calm", "neutral", "stressed"):
            im = portrait(pid, ex)
            written.append(save(im, f"portraits/{pid}-{ex}.png"))
            ims.append((ex, im))
        portraits.append((pid, ims))
    channel, principle = [], []
    if not only or only == "icons":
        for k, fn in CHANNELS.items():
            ic = Icon()
            fn(ic)
            im = ic.result()
            written.append(save(im, f"icons/channel/{k}.png"))
            channel.append((k, im))
        for k, fn in PRINCIPLES.items():
            ic = Icon()
            fn(ic)
            im = ic.result()
            written.append(save(im, f"icons/principle/{k}.png"))
            principle.append((k, im))
    app = app_icon()
    if not only:
        written.append(save(app, "icons/app.png"))
    if sheet:
        contact_sheet(sheet, portraits, channel, principle, app)
    for w in written:
        print(w)


if __name__ == "__main__":
    main(sys.argv[1:])
