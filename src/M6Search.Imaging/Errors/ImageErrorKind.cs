namespace M6Search.Imaging.Errors;

/// <summary>Why an image could not be loaded. Every kind is a property of the input, never of the loader.</summary>
public enum ImageErrorKind
{
    /// <summary>The file does not exist (or is a directory), or the server answered 404/410.</summary>
    NotFound,

    /// <summary>The file exists but could not be read (permissions, I/O error).</summary>
    ReadFailed,

    /// <summary>The file or response body has zero bytes.</summary>
    Empty,

    /// <summary>The encoded size in bytes exceeds <see cref="ImageLoadOptions.MaxBytes"/>.</summary>
    TooLarge,

    /// <summary>The header declares more pixels than <see cref="ImageLoadOptions.MaxPixels"/> (decompression bomb guard).</summary>
    TooManyPixels,

    /// <summary>The bytes are not in any image format the decoder recognises (text, HTML, random bytes).</summary>
    NotAnImage,

    /// <summary>A recognised image format that is not accepted (only JPEG, PNG, WebP, GIF and BMP are).</summary>
    UnsupportedFormat,

    /// <summary>The header or the pixel data is invalid.</summary>
    Corrupt,

    /// <summary>The data ends before the image does (a partial download or a cut file).</summary>
    Truncated,

    /// <summary>The HTTP request failed (network error or non-success status), after retries.</summary>
    DownloadFailed,

    /// <summary>The HTTP request did not complete within the configured timeouts, after retries.</summary>
    DownloadTimedOut,

    /// <summary>The source string is neither a file path nor an http(s) URL.</summary>
    InvalidSource,

    /// <summary>
    /// A policy forbids the source: a URL whose host or address the outbound policy (<see cref="Remote.RemoteImagePolicy"/>)
    /// does not allow, or a file outside the allowed folders. Nothing was fetched or opened.
    /// </summary>
    Refused,
}
