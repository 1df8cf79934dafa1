"""Reference data: countries with NATO/EU membership dates, issues, actors and their offices."""

from app.taxonomy.loader import TaxonomyError, load_taxonomy, slugify
from app.taxonomy.model import Actor, Country, Issue, Office, Taxonomy

__all__ = ["Actor", "Country", "Issue", "Office", "Taxonomy", "TaxonomyError", "load_taxonomy", "slugify"]
