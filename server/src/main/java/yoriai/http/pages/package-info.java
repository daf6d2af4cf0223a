/**
 * The public pages at real URLs ({@code /archive}, {@code /archive/cases/{id}}, {@code /catalog},
 * {@code /catalog/services/{id}}, {@code /insights}): complete HTML rendered on the server from the
 * features' public records, readable without JavaScript, with the metadata a crawler or a link
 * preview reads. Views turn a record into what a template shows (labels, links, the head);
 * templates ({@code src/main/jte}, precompiled by jte with HTML escaping) only place it. The web
 * client's own tags ride in every head and its {@code <yoriai-app>} follows {@code #server-page},
 * so in a browser the app takes the page over (docs/decisions.md). {@code http.PageRoutes} parses
 * the request and calls the services; nothing in the features knows this package.
 */
package yoriai.http.pages;
