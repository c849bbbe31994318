"""The records: articles as captured (sources), the data files typed (schema) and read (store)."""
