"""Reports for an agency's officers and leaders: a ``Report`` (its headline figures, charts and
tables, already in the reader's language) written as a PDF, an XLSX workbook or a CSV file.
Rendering only: what a report holds is read elsewhere (the web application reads it through
the API's queries, as the person asking)."""
