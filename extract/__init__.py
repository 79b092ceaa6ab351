"""kommunedata extractors: statistics documents (text renderings and PDFs) to tidy Parquet."""

__version__ = "0.1.0"
