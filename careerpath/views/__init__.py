"""Views by page group: thin translations between HTTP and the plans app's forms, services and selectors."""
