// "Copy link" on item pages (components/share-links): the link to the page becomes a button that copies its address.
// Without this script, or without the Clipboard API (an insecure context), it stays a plain link to the page.
if (navigator.clipboard) {
  for (const link of document.querySelectorAll("a[data-app-copy-link]")) {
    const button = document.createElement("button");
    button.type = "button";
    button.className = "app-share-links__copy";
    button.textContent = "Copy link";
    // A live region that exists before it changes, so screen readers announce the result.
    const status = document.createElement("span");
    status.className = "app-share-links__status";
    status.setAttribute("role", "status");
    button.addEventListener("click", () => {
      navigator.clipboard.writeText(link.href).then(
        () => {
          status.textContent = "Link copied";
        },
        () => {
          status.textContent = "Could not copy the link: copy the address from the address bar";
        },
      );
    });
    link.replaceWith(button, status);
  }
}
