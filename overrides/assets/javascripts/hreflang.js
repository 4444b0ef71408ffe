// Keep Material's language-selector integration away from the hreflang alternates.
//
// When the page is loaded (DOMContentLoaded), Material 9.8 reads every
// <link rel="alternate">, fetches "sitemap.xml" beside each and then reroutes any click on a
// link below one of them. It expects links to language roots ("/en/"); mkdocs-static-i18n
// points them at the same page in each language ("/en/exercises/bridge/"), so each page
// load made two requests that fail with 404 and the language selector sent readers to the
// page's address without its trailing slash, which works only where the server redirects.
// This listener, registered before Material's, hides the alternates from that one query
// and restores them as soon as the other DOMContentLoaded listeners have run. Search
// engines and the language links themselves are not affected.
document.addEventListener(
  "DOMContentLoaded",
  () => {
    const links = [...document.querySelectorAll('link[rel="alternate"][hreflang]')];
    for (const link of links) link.rel = "x-alternate";
    setTimeout(() => {
      for (const link of links) link.rel = "alternate";
    });
  },
  { once: true },
);
