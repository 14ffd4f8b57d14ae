package com.campagne.plans;

import java.util.List;

/**
 * The formats offered as suggestions on a line item: IAB display sizes, video, audio, print and outdoor.
 * A line may hold any other format typed by the planner; these are only the usual ones, named as
 * media people write them on a plan (the same in French and English).
 */
public final class AdFormats {

    public static final List<String> SUGGESTED = List.of(
            "Leaderboard 728×90",
            "Skyscraper 160×600",
            "Medium rectangle 300×250",
            "Billboard 970×250",
            "Half page 300×600",
            "Mobile banner 320×50",
            "Pop-up",
            "Expand banner",
            "Habillage",
            "Vidéo 6 s",
            "Vidéo 15 s",
            "Vidéo 30 s",
            "Spot radio 20 s",
            "Spot radio 30 s",
            "Spot TV 20 s",
            "Spot TV 30 s",
            "Page presse",
            "Demi-page presse",
            "Affiche 4×3",
            "Abribus 120×176",
            "Annonce texte",
            "Shopping",
            "Carrousel",
            "Story",
            "Newsletter dédiée",
            "Article sponsorisé");

    private AdFormats() {
    }
}
