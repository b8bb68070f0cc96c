"""Every published file besides the pages, one module each: redirects, open data, feeds,
sitemap, security headers, the search index, compressed copies."""
