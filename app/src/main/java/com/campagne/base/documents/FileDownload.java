package com.campagne.base.documents;

/** A generated file to hand to the browser or attach to a mail: its name, type and content. */
public record FileDownload(String fileName, String contentType, byte[] bytes) {
}
