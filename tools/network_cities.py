"""Communes for the synthetic networks of tools/network_gen.py: real names with their INSEE codes,
then made-up names in the same départements once the real ones run out.

The real communes are listed with the INSEE code we know them by (Code officiel géographique);
the generated plans are illustrative, and `vae` only needs a code consistent with its département
(the `department-matches-insee` rule), which a made-up commune gets too: its département's prefix
and a number no commune of the list uses.
"""

from __future__ import annotations

import dataclasses
import random

# département: [(commune, INSEE code)], the départements of France the network's cities come
# from: metropolitan, Corsica's two (2A, 2B) and the overseas ones (three-digit codes).
COMMUNES: dict[str, list[tuple[str, str]]] = {
    "02": [
        ("Laon", "02408"),
        ("Saint-Quentin", "02691"),
        ("Soissons", "02722"),
        ("Château-Thierry", "02168"),
        ("Chauny", "02173"),
        ("Hirson", "02381"),
    ],
    "06": [
        ("Nice", "06088"),
        ("Cannes", "06029"),
        ("Antibes", "06004"),
        ("Grasse", "06069"),
        ("Cagnes-sur-Mer", "06027"),
        ("Menton", "06083"),
    ],
    "13": [
        ("Marseille", "13055"),
        ("Aix-en-Provence", "13001"),
        ("Gardanne", "13041"),
        ("Arles", "13004"),
        ("Martigues", "13056"),
        ("Aubagne", "13005"),
        ("Istres", "13047"),
        ("Salon-de-Provence", "13103"),
        ("Vitrolles", "13117"),
        ("La Ciotat", "13028"),
    ],
    "21": [
        ("Dijon", "21231"),
        ("Chenôve", "21166"),
        ("Talant", "21617"),
        ("Quetigny", "21515"),
        ("Longvic", "21355"),
        ("Beaune", "21054"),
        ("Fontaine-lès-Dijon", "21278"),
        ("Chevigny-Saint-Sauveur", "21171"),
        ("Auxonne", "21038"),
        ("Montbard", "21425"),
        ("Is-sur-Tille", "21317"),
        ("Saint-Apollinaire", "21540"),
        ("Marsannay-la-Côte", "21390"),
        ("Genlis", "21292"),
        ("Nuits-Saint-Georges", "21464"),
    ],
    "2A": [
        ("Ajaccio", "2A004"),
        ("Porto-Vecchio", "2A247"),
        ("Bonifacio", "2A041"),
        ("Propriano", "2A249"),
        ("Sartène", "2A272"),
    ],
    "2B": [
        ("Bastia", "2B033"),
        ("Corte", "2B096"),
        ("Calvi", "2B050"),
        ("Biguglia", "2B037"),
        ("L'Île-Rousse", "2B134"),
    ],
    "31": [
        ("Toulouse", "31555"),
        ("Colomiers", "31149"),
        ("Tournefeuille", "31557"),
        ("Muret", "31395"),
        ("Blagnac", "31069"),
        ("Balma", "31044"),
        ("Castanet-Tolosan", "31113"),
        ("Saint-Gaudens", "31483"),
    ],
    "33": [
        ("Bordeaux", "33063"),
        ("Mérignac", "33281"),
        ("Pessac", "33318"),
        ("Talence", "33522"),
        ("Bègles", "33039"),
        ("Villenave-d'Ornon", "33550"),
        ("Saint-Médard-en-Jalles", "33449"),
        ("Libourne", "33243"),
        ("Lormont", "33249"),
        ("Cenon", "33119"),
    ],
    "35": [
        ("Rennes", "35238"),
        ("Saint-Malo", "35288"),
        ("Fougères", "35115"),
        ("Vitré", "35360"),
        ("Cesson-Sévigné", "35051"),
        ("Bruz", "35047"),
        ("Redon", "35236"),
    ],
    "38": [
        ("Grenoble", "38185"),
        ("Échirolles", "38151"),
        ("Saint-Martin-d'Hères", "38421"),
        ("Fontaine", "38169"),
        ("Voiron", "38563"),
        ("Meylan", "38229"),
        ("Vienne", "38544"),
        ("Bourgoin-Jallieu", "38053"),
        ("Seyssinet-Pariset", "38485"),
    ],
    "44": [
        ("Nantes", "44109"),
        ("Saint-Nazaire", "44184"),
        ("Saint-Herblain", "44162"),
        ("Rezé", "44143"),
        ("Orvault", "44114"),
        ("Vertou", "44215"),
        ("Bouguenais", "44020"),
        ("Carquefou", "44026"),
        ("La Baule-Escoublac", "44055"),
    ],
    "54": [
        ("Nancy", "54395"),
        ("Vandœuvre-lès-Nancy", "54547"),
        ("Lunéville", "54329"),
        ("Laxou", "54304"),
        ("Villers-lès-Nancy", "54578"),
        ("Toul", "54528"),
        ("Pont-à-Mousson", "54431"),
    ],
    "59": [
        ("Lille", "59350"),
        ("Roubaix", "59512"),
        ("Tourcoing", "59599"),
        ("Bailleul", "59043"),
        ("Dunkerque", "59183"),
        ("Villeneuve-d'Ascq", "59009"),
        ("Valenciennes", "59606"),
        ("Douai", "59178"),
        ("Cambrai", "59122"),
        ("Wattrelos", "59650"),
        ("Maubeuge", "59392"),
        ("Lambersart", "59328"),
        ("Armentières", "59017"),
    ],
    "67": [
        ("Strasbourg", "67482"),
        ("Schiltigheim", "67447"),
        ("Illkirch-Graffenstaden", "67218"),
        ("Haguenau", "67180"),
        ("Lingolsheim", "67267"),
        ("Bischheim", "67043"),
        ("Sélestat", "67462"),
        ("Obernai", "67348"),
        ("Saverne", "67437"),
    ],
    "69": [
        ("Lyon", "69123"),
        ("Villeurbanne", "69266"),
        ("Vénissieux", "69259"),
        ("Vaulx-en-Velin", "69256"),
        ("Bron", "69029"),
        ("Caluire-et-Cuire", "69034"),
        ("Saint-Priest", "69290"),
        ("Rillieux-la-Pape", "69286"),
        ("Villefranche-sur-Saône", "69264"),
        ("Oullins", "69149"),
    ],
    "75": [("Paris", "75056")],
    "76": [
        ("Rouen", "76540"),
        ("Le Havre", "76351"),
        ("Dieppe", "76217"),
        ("Sotteville-lès-Rouen", "76681"),
        ("Saint-Étienne-du-Rouvray", "76575"),
        ("Le Grand-Quevilly", "76322"),
        ("Le Petit-Quevilly", "76498"),
        ("Fécamp", "76259"),
        ("Elbeuf", "76231"),
        ("Mont-Saint-Aignan", "76451"),
    ],
    "93": [
        ("Montreuil", "93048"),
        ("Saint-Denis", "93066"),
        ("Aubervilliers", "93001"),
        ("Bobigny", "93008"),
        ("Pantin", "93055"),
        ("Bondy", "93010"),
        ("Aulnay-sous-Bois", "93005"),
        ("Noisy-le-Grand", "93051"),
        ("Sevran", "93071"),
        ("Stains", "93072"),
    ],
    "971": [
        ("Les Abymes", "97101"),
        ("Baie-Mahault", "97103"),
        ("Basse-Terre", "97105"),
        ("Le Gosier", "97113"),
        ("Le Moule", "97117"),
        ("Pointe-à-Pitre", "97120"),
        ("Sainte-Anne", "97128"),
    ],
    "972": [
        ("Fort-de-France", "97209"),
        ("Le Lamentin", "97213"),
        ("Schœlcher", "97229"),
        ("Le Robert", "97222"),
        ("Ducos", "97207"),
    ],
    "973": [
        ("Cayenne", "97302"),
        ("Kourou", "97304"),
        ("Matoury", "97307"),
        ("Remire-Montjoly", "97309"),
        ("Saint-Laurent-du-Maroni", "97311"),
    ],
    "974": [
        ("Saint-Denis", "97411"),
        ("Saint-Paul", "97415"),
        ("Saint-Pierre", "97416"),
        ("Le Tampon", "97422"),
        ("Saint-Louis", "97414"),
        ("Le Port", "97407"),
        ("Saint-André", "97409"),
        ("Sainte-Marie", "97418"),
    ],
    "976": [("Mamoudzou", "97611"), ("Koungou", "97610"), ("Dzaoudzi", "97608")],
}

# What made-up names are made of, the way French communes are named.
_FIRST = (
    "Saint-Martin",
    "Saint-Jean",
    "Sainte-Marie",
    "Saint-Pierre",
    "Villeneuve",
    "Montigny",
    "Beaulieu",
    "Fontenay",
    "Châteauneuf",
    "Neuville",
    "Bourg",
    "Mont",
    "Champagne",
    "Rochefort",
    "Villers",
    "Bois",
)
_SECOND = (
    "sur-Loire",
    "lès-Bains",
    "sur-Mer",
    "le-Château",
    "en-Vallée",
    "la-Forêt",
    "sur-Seine",
    "des-Prés",
    "le-Bas",
    "sous-Bois",
    "la-Rivière",
    "aux-Bois",
    "en-Plaine",
    "les-Vignes",
)


# Made-up names are unique within a département (224 each; 99 codes overseas): 4,000 in all.
MAX_COMMUNES = 4000


@dataclasses.dataclass(frozen=True, kw_only=True)
class Commune:
    name: str
    insee: str
    department: str
    real: bool


def communes(count: int, rng: random.Random, *, first: tuple[str, ...] = ()) -> list[Commune]:
    """`count` distinct communes: the real ones named in `first` (by INSEE code), then the
    others of the list in an order drawn by `rng`, then made-up ones, spread over the same
    départements."""
    real = [
        Commune(name=name, insee=code, department=dep, real=True)
        for dep, rows in COMMUNES.items()
        for name, code in rows
    ]
    by_code = {c.insee: c for c in real}
    chosen = [by_code[code] for code in first]
    rest = [c for c in real if c.insee not in set(first)]
    rng.shuffle(rest)
    chosen += rest
    if count <= len(chosen):
        return chosen[:count]
    if count > MAX_COMMUNES:
        raise ValueError(f"at most {MAX_COMMUNES} communes, not {count}")
    used = set(by_code)
    names = {(c.department, c.name) for c in chosen}
    departments = [d for d in COMMUNES if d != "75"]  # Paris is one commune
    while len(chosen) < count:
        dep = rng.choice(departments)
        prefix = dep  # a code starts with its département (`plan_format.department_of`)
        digits = 5 - len(prefix)
        number = rng.randrange(1, 10**digits)
        code = f"{prefix}{number:0{digits}d}"
        name = f"{rng.choice(_FIRST)}-{rng.choice(_SECOND)}"
        if code in used or (dep, name) in names:
            continue
        used.add(code)
        names.add((dep, name))
        chosen.append(Commune(name=name, insee=code, department=dep, real=False))
    return chosen
