"""Simple SVG charts drawn on the server.

Hand-drawn rather than with a charting library: pygal and the like embed <style> elements and
script references (refused by the strict CSP of the web pages) and use SVG features WeasyPrint
renders partially. Bars, axes and text with presentation attributes render the same in browsers
and in WeasyPrint.
"""

from django.utils.html import escape
from django.utils.safestring import mark_safe

COULEURS = ["#1d3a6e", "#c8502a", "#2f7d4f", "#7a4fa0"]


def _nombre(valeur):
    if isinstance(valeur, float):
        return f"{valeur:.1f}".replace(".", ",")
    return f"{valeur:,}".replace(",", "\u202f")


def barres(categories, series, titre, hauteur=220, largeur=680, reference=None, reference_libelle=""):
    """A grouped bar chart. `series` is a list of (name, values); values are numbers >= 0.

    `reference` draws a dashed horizontal line (an objective). Every bar carries its value as
    text, so that the information does not rest on colour alone.
    """
    marge_g, marge_d, marge_h, marge_b = 40, 10, 28, 46
    zone_l = largeur - marge_g - marge_d
    zone_h = hauteur - marge_h - marge_b
    maximum = max([v for _nom, valeurs in series for v in valeurs] + [reference or 0, 1])
    n = max(len(categories), 1)
    pas = zone_l / n
    largeur_barre = max(2.0, (pas * 0.8) / max(len(series), 1))
    morceaux = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {largeur} {hauteur}" role="img" '
        f'aria-label="{escape(titre)}" font-family="DejaVu Sans, sans-serif">',
        f"<title>{escape(titre)}</title>",
        f'<line x1="{marge_g}" y1="{marge_h + zone_h}" x2="{largeur - marge_d}" y2="{marge_h + zone_h}" '
        'stroke="#333" stroke-width="1"/>',
    ]
    for i, (nom, _valeurs) in enumerate(series):
        x = marge_g + i * 160
        couleur = COULEURS[i % len(COULEURS)]
        morceaux.append(f'<rect x="{x}" y="6" width="10" height="10" fill="{couleur}"/>')
        morceaux.append(f'<text x="{x + 14}" y="15" font-size="10" fill="#111">{escape(nom)}</text>')
    for j, categorie in enumerate(categories):
        x0 = marge_g + j * pas + pas * 0.1
        for i, (_nom, valeurs) in enumerate(series):
            valeur = valeurs[j]
            h = zone_h * valeur / maximum
            x = x0 + i * largeur_barre
            y = marge_h + zone_h - h
            couleur = COULEURS[i % len(COULEURS)]
            morceaux.append(
                f'<rect x="{x:.1f}" y="{y:.1f}" width="{largeur_barre - 1:.1f}" height="{h:.1f}" fill="{couleur}"/>'
            )
            if n <= 24:
                morceaux.append(
                    f'<text x="{x + (largeur_barre - 1) / 2:.1f}" y="{y - 2:.1f}" font-size="8" '
                    f'text-anchor="middle" fill="#111">{_nombre(valeur)}</text>'
                )
        morceaux.append(
            f'<text x="{marge_g + j * pas + pas / 2:.1f}" y="{marge_h + zone_h + 14}" font-size="9" '
            f'text-anchor="middle" fill="#111">{escape(str(categorie)[:14])}</text>'
        )
    if reference is not None:
        y = marge_h + zone_h - zone_h * reference / maximum
        morceaux.append(
            f'<line x1="{marge_g}" y1="{y:.1f}" x2="{largeur - marge_d}" y2="{y:.1f}" stroke="#b00020" '
            'stroke-width="1.5" stroke-dasharray="6 4"/>'
        )
        morceaux.append(
            f'<text x="{largeur - marge_d}" y="{y - 3:.1f}" font-size="9" text-anchor="end" '
            f'fill="#b00020">{escape(reference_libelle)}</text>'
        )
    morceaux.append("</svg>")
    return mark_safe("".join(morceaux))


def jauge(valeur, cible, titre, unite="", maximum=None, largeur=680, hauteur=70):
    """A horizontal progress bar of `valeur` against `cible`, with both written as text."""
    maximum = max(maximum or 0, valeur, cible, 1)
    zone = largeur - 20
    longueur = zone * valeur / maximum
    x_cible = 10 + zone * cible / maximum
    return mark_safe(
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {largeur} {hauteur}" role="img" '
        f'aria-label="{escape(titre)}" font-family="DejaVu Sans, sans-serif">'
        f"<title>{escape(titre)}</title>"
        f'<rect x="10" y="24" width="{zone}" height="18" fill="#e8edf5" stroke="#999" stroke-width="0.5"/>'
        f'<rect x="10" y="24" width="{longueur:.1f}" height="18" fill="#1d3a6e"/>'
        f'<line x1="{x_cible:.1f}" y1="18" x2="{x_cible:.1f}" y2="48" stroke="#b00020" stroke-width="2"/>'
        f'<text x="10" y="14" font-size="11" fill="#111">{escape(titre)} : {_nombre(valeur)}{escape(unite)}</text>'
        f'<text x="{x_cible:.1f}" y="62" font-size="10" text-anchor="middle" fill="#b00020">'
        f"objectif {_nombre(cible)}{escape(unite)}</text>"
        "</svg>"
    )
