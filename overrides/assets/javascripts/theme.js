// What Material for MkDocs 9.8 runs from inline scripts in its templates, served as a file so
// that the Content-Security-Policy can forbid inline scripts, and loaded at the end of the
// body, just before Material's bundle (overrides/main.html), so that it blocks no rendering.
//
// 1. Material's head script (partials/javascripts/base.html): the scope of what Material keeps
//    in localStorage, and its helpers. The scope the template wrote into the script is read
//    from the script element's data-md-scope attribute.
__md_scope = new URL(document.currentScript.dataset.mdScope, location);
__md_hash = (e) => [...e].reduce((e, _) => (e << 5) - e + _.charCodeAt(0), 0);
__md_get = (e, _ = localStorage, t = __md_scope) => JSON.parse(_.getItem(t.pathname + "." + e));
__md_set = (e, _, t = localStorage, a = __md_scope) => {
  try {
    t.setItem(a.pathname + "." + e, JSON.stringify(_));
  } catch (e) {}
};

// 2. Keep Material's language-selector integration away from the hreflang alternates.
//
//    When the page is loaded (DOMContentLoaded), Material 9.8 reads every
//    <link rel="alternate">, fetches "sitemap.xml" beside each and then reroutes any click on a
//    link below one of them. It expects links to language roots ("/en/"); mkdocs-static-i18n
//    points them at the same page in each language ("/en/exercises/bridge/"), so each page
//    load made two requests that fail with 404 and the language selector sent readers to the
//    page's address without its trailing slash, which works only where the server redirects.
//    This listener, registered before Material's, hides the alternates from that one query
//    and restores them as soon as the other DOMContentLoaded listeners have run. Search
//    engines and the language links themselves are not affected.
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

// 3. Material's content script (partials/javascripts/content.html): open the content tab
//    named in the address. The page's content is already there when this runs.
{
  const target = document.getElementById(location.hash.slice(1));
  if (target && target.name) target.checked = target.name.startsWith("__tabbed_");
}
