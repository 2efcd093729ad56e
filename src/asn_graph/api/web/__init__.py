"""The web application at ``/``: server-rendered pages (Jinja2), their messages in
Indonesian and English, and their static assets, all shipped in the package so that it works
on a closed network."""
