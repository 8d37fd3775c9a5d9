<?xml version="1.0" encoding="UTF-8"?>
<!--
  Renders our RSS feeds as a readable GOV.UK-styled page when someone opens a feed in a browser:
  what a feed is, how to subscribe, and the items. Feed readers ignore this stylesheet.
-->
<xsl:stylesheet version="1.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:atom="http://www.w3.org/2005/Atom"
  xmlns:dc="http://purl.org/dc/elements/1.1/">
  <xsl:output method="html" encoding="UTF-8" indent="yes" doctype-system="about:legacy-compat"/>

  <xsl:template match="/rss/channel">
    <html lang="en" class="govuk-template">
      <head>
        <meta charset="utf-8"/>
        <meta name="viewport" content="width=device-width, initial-scale=1"/>
        <meta name="robots" content="noindex"/>
        <title><xsl:value-of select="title"/> (RSS feed)</title>
        <link rel="stylesheet" href="/assets/govnews.css"/>
      </head>
      <body class="govuk-template__body">
        <a href="#main-content" class="govuk-skip-link">Skip to main content</a>
        <div class="govuk-header app-header" role="banner">
          <div class="govuk-header__container govuk-width-container app-header__container">
            <div class="govuk-header__logo app-header__logo">
              <a href="/" class="govuk-header__homepage-link"><span class="app-header__logotype">Home</span></a>
            </div>
          </div>
        </div>
        <div class="govuk-width-container">
          <main class="govuk-main-wrapper" id="main-content">
            <div class="govuk-grid-row">
              <div class="govuk-grid-column-two-thirds">
                <span class="govuk-caption-xl">RSS feed</span>
                <h1 class="govuk-heading-xl"><xsl:value-of select="title"/></h1>
                <div class="govuk-inset-text">
                  <p class="govuk-body">This is a web feed. A feed reader (also called a news reader or RSS reader) shows you new items from the sites you follow, without visiting them.</p>
                  <p class="govuk-body">To subscribe, copy this page’s address into your feed reader:</p>
                  <p class="govuk-body"><code class="app-feed-url"><xsl:value-of select="atom:link[@rel='self']/@href"/></code></p>
                </div>
                <p class="govuk-body"><xsl:value-of select="description"/></p>
                <p class="govuk-body">
                  <a class="govuk-link" href="{link}">Read these items on the website</a> or see
                  <a class="govuk-link" href="/subscribe/">all the ways to get updates</a>.
                </p>
                <h2 class="govuk-heading-l">Latest items</h2>
                <ol class="app-article-list">
                  <xsl:for-each select="item">
                    <li class="app-article-summary">
                      <h3 class="govuk-heading-m app-article-summary__title">
                        <a class="govuk-link" href="{link}"><xsl:value-of select="title"/></a>
                      </h3>
                      <p class="govuk-body app-article-summary__standfirst"><xsl:value-of select="description"/></p>
                      <p class="govuk-body-s app-article-summary__meta">
                        <xsl:text>By </xsl:text>
                        <xsl:for-each select="dc:creator">
                          <xsl:if test="position() &gt; 1"><xsl:text>, </xsl:text></xsl:if>
                          <xsl:value-of select="."/>
                        </xsl:for-each>
                        <xsl:text> · </xsl:text>
                        <xsl:value-of select="substring(pubDate, 6, 11)"/>
                      </p>
                    </li>
                  </xsl:for-each>
                </ol>
              </div>
            </div>
          </main>
        </div>
        <div class="govuk-footer app-footer" role="contentinfo">
          <div class="govuk-width-container">
            <div class="govuk-footer__meta">
              <div class="govuk-footer__meta-item govuk-footer__meta-item--grow">
                <span class="govuk-footer__licence-description"><xsl:value-of select="copyright"/></span>
              </div>
            </div>
          </div>
        </div>
      </body>
    </html>
  </xsl:template>
</xsl:stylesheet>
