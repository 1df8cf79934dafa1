"""Sources into plain document records: readers per format, cleaning, dates, metadata, fetching, feeds, hashing.

Pure: no database and no web. `app.pipeline.ingest` stores what this package produces.
"""

from app.ingest.errors import IngestError
from app.ingest.record import DocumentRecord
from app.ingest.sources import Feed, Item, Upload, iter_items

__all__ = ["DocumentRecord", "Feed", "IngestError", "Item", "Upload", "iter_items"]
