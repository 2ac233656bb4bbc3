"""Simple SVG charts drawn on the server, for the pages and the PDFs alike (one drawing, the
portal's palette: see static/css/portail.css).

Hand-drawn rather than with a charting library: pygal and the like embed <style> elements and
script references (refused by the strict CSP of the web pages) and use SVG features WeasyPrint
renders partially. Bars, axes and text with presentation attributes render the same in browsers
and in WeasyPrint.
"""

from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

from .dates import MOIS_ABREGES

# The portal's blue, its warm accent darkened for contrast with white, green, violet.
COULEURS = ["#1f3a93", "#c26a00", "#18753c", "#7a4fa0"]
FOND = "#e8ecf8"
ROUGE = "#ce0500"


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
            f'<line x1="{marge_g}" y1="{y:.1f}" x2="{largeur - marge_d}" y2="{y:.1f}" stroke="{ROUGE}" '
            'stroke-width="1.5" stroke-dasharray="6 4"/>'
        )
        morceaux.append(
            f'<text x="{largeur - marge_d}" y="{y - 3:.1f}" font-size="9" text-anchor="end" '
            f'fill="{ROUGE}">{escape(reference_libelle)}</text>'
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
        f'<rect x="10" y="24" width="{zone}" height="18" fill="{FOND}" stroke="#999" stroke-width="0.5"/>'
        f'<rect x="10" y="24" width="{longueur:.1f}" height="18" fill="{COULEURS[0]}"/>'
        f'<line x1="{x_cible:.1f}" y1="18" x2="{x_cible:.1f}" y2="48" stroke="{ROUGE}" stroke-width="2"/>'
        f'<text x="10" y="14" font-size="11" fill="#111">{escape(titre)} : {_nombre(valeur)}{escape(unite)}</text>'
        f'<text x="{x_cible:.1f}" y="62" font-size="10" text-anchor="middle" fill="{ROUGE}">'
        f"objectif {_nombre(cible)}{escape(unite)}</text>"
        "</svg>"
    )


def barres_horizontales(lignes, titre, unite=""):
    """One horizontal bar per (label, value) of `lignes`, the longest filling the width; each bar
    carries its value as text, and the text alternative lists them all."""
    lignes = [(str(libelle), valeur or 0) for libelle, valeur in lignes]
    largeur, marge_g, hauteur_barre, ecart = 440, 130, 20, 8
    zone = largeur - marge_g - 50
    maximum = max([v for _l, v in lignes] + [1])
    hauteur = max(len(lignes), 1) * (hauteur_barre + ecart)
    resume = f"{titre} : " + ", ".join(f"{libelle} {_nombre(v)}{unite}" for libelle, v in lignes)
    morceaux = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {largeur} {hauteur}" role="img" '
        f'aria-label="{escape(resume)}" font-family="DejaVu Sans, sans-serif">',
        f"<title>{escape(resume)}</title>",
    ]
    for i, (libelle, valeur) in enumerate(lignes):
        y = i * (hauteur_barre + ecart)
        longueur = zone * valeur / maximum
        milieu = y + hauteur_barre / 2 + 4
        morceaux += [
            f'<text x="{marge_g - 8}" y="{milieu:.1f}" font-size="12" text-anchor="end" fill="#1e1e1e">'
            f"{escape(libelle[:20])}</text>",
            f'<rect x="{marge_g}" y="{y}" width="{zone}" height="{hauteur_barre}" rx="3" fill="{FOND}"/>',
            f'<rect x="{marge_g}" y="{y}" width="{longueur:.1f}" height="{hauteur_barre}" rx="3" '
            f'fill="{COULEURS[0]}"/>',
            f'<text x="{marge_g + longueur + 6:.1f}" y="{milieu:.1f}" font-size="12" fill="#1e1e1e">'
            f"{_nombre(valeur)}{escape(unite)}</text>",
        ]
    morceaux.append("</svg>")
    return mark_safe("".join(morceaux))


def enveloppe(total, segments, titre, unite=" €"):
    """A budget drawn as one bar: the `segments` [(label, amount)] one after the other, then what
    remains; an overrun is drawn to the sum with the budget marked in red. Amounts as text too."""
    segments = [(str(libelle), float(montant or 0)) for libelle, montant in segments]
    total = float(total or 0)
    somme = sum(m for _l, m in segments)
    reste = total - somme
    largeur, hauteur = 600, 78
    echelle = max(total, somme, 1)
    resume = f"{titre} {_entier(total)}{unite} : " + ", ".join(
        f"{libelle} {_entier(m)}{unite}" for libelle, m in segments
    )
    resume += ", " + (_("reste %(montant)s") if reste >= 0 else _("dépassement %(montant)s")) % {
        "montant": f"{_entier(abs(reste))}{unite}"
    }
    morceaux = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {largeur} {hauteur}" role="img" '
        f'aria-label="{escape(resume)}" font-family="DejaVu Sans, sans-serif">',
        f"<title>{escape(resume)}</title>",
        f'<rect x="0" y="6" width="{largeur}" height="28" rx="4" fill="{FOND}" stroke="#999" stroke-width="0.5"/>',
    ]
    x = 0.0
    legende = []
    for i, (libelle, montant) in enumerate(segments):
        longueur = largeur * montant / echelle
        couleur = COULEURS[i % len(COULEURS)]
        morceaux.append(f'<rect x="{x:.1f}" y="6" width="{longueur:.1f}" height="28" fill="{couleur}"/>')
        legende.append((couleur, f"{libelle} : {_entier(montant)}{unite}"))
        x += longueur
    if reste < 0:
        repere = largeur * total / echelle
        morceaux.append(f'<rect x="{repere - 1.5:.1f}" y="0" width="3" height="40" fill="{ROUGE}"/>')
        legende.append((ROUGE, _("Dépassement : %(montant)s") % {"montant": f"{_entier(-reste)}{unite}"}))
    else:
        legende.append((FOND, _("Reste : %(montant)s") % {"montant": f"{_entier(reste)}{unite}"}))
    for i, (couleur, texte) in enumerate(legende):
        lx = i * 200
        morceaux.append(
            f'<rect x="{lx}" y="50" width="12" height="12" fill="{couleur}" stroke="#555" stroke-width="0.5"/>'
        )
        morceaux.append(f'<text x="{lx + 17}" y="61" font-size="12" fill="#1e1e1e">{escape(texte)}</text>')
    morceaux.append("</svg>")
    return mark_safe("".join(morceaux))


def _entier(valeur):
    return _nombre(int(round(valeur)))


def entrees_et_sorties(mois, titre):
    """Entries and exits of each month ({mois, entrees, sorties}) as grouped bars, the months
    written short enough for twelve of them ("janv. 26")."""
    return barres(
        [f"{MOIS_ABREGES[m['mois'].month - 1]} {m['mois']:%y}" for m in mois],
        [(_("Entrées"), [m["entrees"] for m in mois]), (_("Sorties"), [m["sorties"] for m in mois])],
        titre=str(titre),
    )
