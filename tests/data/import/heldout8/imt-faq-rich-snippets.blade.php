<!DOCTYPE html>
<html lang="en">

<head>
    <meta charset="UTF-8" />
    <meta http-equiv="X-UA-Compatible" content="IE=edge" />
    <meta name="viewport" content="width=device-width, initial-scale=1.0" />
    <title>Frequently asked questions</title>
    <script type="application/ld+json">
      {
        "@context": "https://schema.org",
        "@type": "FAQPage",
        "mainEntity": [{
          "@type": "Question",
          "name": "What are FAQ Rich Snippets?",
          "acceptedAnswer": {
            "@type": "Answer",
            "text": "FAQ Rich Snippets are a feature provided by Google that displays the most relevant and concise answers to users' frequently asked questions directly in the search results."
          }
        }, {
          "@type": "Question",
          "name": "How do I enable FAQ Rich Snippets for my website?",
          "acceptedAnswer": {
            "@type": "Answer",
            "text": "To enable FAQ Rich Snippets for your website, you need to add structured data markup (using JSON-LD, Microdata, or RDFa) to your website's FAQ pages. This helps Google understand and index the content for display in search results."
          }
        }, {
          "@type": "Question",
          "name": "Can I customize the appearance of my FAQ Rich Snippets?",
          "acceptedAnswer": {
            "@type": "Answer",
            "text": "While you cannot directly customize the appearance of FAQ Rich Snippets, you can optimize your content and markup to ensure that the most relevant and accurate information is displayed."
          }
        }, {
          "@type": "Question",
          "name": "How does Google determine which FAQs to display?",
          "acceptedAnswer": {
            "@type": "Answer",
            "text": "Google's algorithm considers various factors, such as the relevance of the content, the quality of the website, and the user's search query, to determine which FAQs to display in the search results."
          }
        }, {
          "@type": "Question",
          "name": "Can I track the performance of my FAQ Rich Snippets?",
          "acceptedAnswer": {
            "@type": "Answer",
            "text":"Yes, you can track the performance of your FAQ Rich Snippets using Google Search Console. This tool provides insights into impressions, clicks, and click-through rates for your snippets."
          }
        }, {
          "@type": "Question",
          "name": "Are there any guidelines for creating FAQ content for Rich Snippets?",
          "acceptedAnswer": {
            "@type": "Answer",
            "text":"Yes, Google provides guidelines for creating high-quality FAQ content. Some key points include providing clear and concise answers, avoiding promotional content, and ensuring that the content is unique and not duplicated across multiple pages."
          }
        },  {
          "@type": "Question",
          "name": "Can FAQ Rich Snippets impact my website's SEO?",
          "acceptedAnswer": {
            "@type": "Answer",
            "text":"Yes, FAQ Rich Snippets can positively impact your website's SEO by providing users with quick and relevant answers, which can lead to increased click-through rates and user engagement."
          }
        },  {
          "@type": "Question",
          "name": "Can I use FAQ Rich Snippets for multiple languages?",
          "acceptedAnswer": {
            "@type": "Answer",
            "text":"Yes, you can use FAQ Rich Snippets for multiple languages by implementing the appropriate hreflang tags and structured data markup for each language version of your FAQ pages."
          }
        },  {
          "@type": "Question",
          "name": "What if my FAQ Rich Snippets are not showing up in search results?",
          "acceptedAnswer": {
            "@type": "Answer",
            "text":"If your FAQ Rich Snippets are not showing up in search results, ensure that your structured data markup is correctly implemented and follows Google's guidelines. You can also use Google's Rich Results Test tool to validate your markup."
          }
        },  {
          "@type": "Question",
          "name": "Can I report an issue or provide feedback on FAQ Rich Snippets?",
          "acceptedAnswer": {
            "@type": "Answer",
            "text":"Yes, you can report issues or provide feedback on FAQ Rich Snippets using the 'Send feedback' option available at the bottom of the search results page or through Google Search Console."
          }
        }]
      }
    </script>
</head>

<body>
    <h1>FAQ Rich Snippets</h1>
    <div id="faq">
        <details>
            <summary>What are FAQ Rich Snippets?</summary>
            <p>
                FAQ Rich Snippets are a feature provided by Google that displays the
                most relevant and concise answers to users' frequently asked questions
                directly in the search results.
            </p>
        </details>
        <details>
            <summary>How do I enable FAQ Rich Snippets for my website?</summary>
            <p>
                To enable FAQ Rich Snippets for your website, you need to add
                structured data markup (using JSON-LD, Microdata, or RDFa) to your
                website's FAQ pages. This helps Google understand and index the
                content for display in search results.
            </p>
        </details>
        <details>
            <summary>
                Can I customize the appearance of my FAQ Rich Snippets?
            </summary>
            <p>
                While you cannot directly customize the appearance of FAQ Rich
                Snippets, you can optimize your content and markup to ensure that the
                most relevant and accurate information is displayed.
            </p>
        </details>
        <details>
            <summary>How does Google determine which FAQs to display?</summary>
            <p>
                Google's algorithm considers various factors, such as the relevance of
                the content, the quality of the website, and the user's search query,
                to determine which FAQs to display in the search results.
            </p>
        </details>
        <details>
            <summary>Can I track the performance of my FAQ Rich Snippets?</summary>
            <p>
                Yes, you can track the performance of your FAQ Rich Snippets using
                Google Search Console. This tool provides insights into impressions,
                clicks, and click-through rates for your snippets.
            </p>
        </details>
        <details>
            <summary>
                Are there any guidelines for creating FAQ content for Rich Snippets?
            </summary>
            <p>
                Yes, Google provides guidelines for creating high-quality FAQ content.
                Some key points include providing clear and concise answers, avoiding
                promotional content, and ensuring that the content is unique and not
                duplicated across multiple pages.
            </p>
        </details>
        <details>
            <summary>Can FAQ Rich Snippets impact my website's SEO?</summary>
            <p>
                Yes, FAQ Rich Snippets can positively impact your website's SEO by
                providing users with quick and relevant answers, which can lead to
                increased click-through rates and user engagement.
            </p>
        </details>
        <details>
            <summary>Can I use FAQ Rich Snippets for multiple languages?</summary>
            <p>
                Yes, you can use FAQ Rich Snippets for multiple languages by
                implementing the appropriate hreflang tags and structured data markup
                for each language version of your FAQ pages.
            </p>
        </details>
        <details>
            <summary>
                What if my FAQ Rich Snippets are not showing up in search results?
            </summary>
            <p>
                If your FAQ Rich Snippets are not showing up in search results, ensure
                that your structured data markup is correctly implemented and follows
                Google's guidelines. You can also use Google's Rich Results Test tool
                to validate your markup.
            </p>
        </details>
        <details>
            <summary>
                Can I report an issue or provide feedback on FAQ Rich Snippets?
            </summary>
            <p>
                Yes, you can report issues or provide feedback on FAQ Rich Snippets
                using the "Send feedback" option available at the bottom of the search
                results page or through Google Search Console.
            </p>
        </details>
    </div>
</body>

</html>
