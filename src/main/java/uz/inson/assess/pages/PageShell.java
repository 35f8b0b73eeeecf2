package uz.inson.assess.pages;

import io.quarkus.qute.TemplateData;

/** What every page around its content needs: who is signed in, the form token, and where each language link goes. */
@TemplateData
public record PageShell(String user, String formToken, String here) {
    /** The same page in another language. */
    public String inLanguage(String lang) {
        return here + (here.contains("?") ? "&" : "?") + "lang=" + lang;
    }
}
