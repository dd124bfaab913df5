namespace Extractor.Sources.Ocr.Paddle;

/// <summary>The paths of the PaddleOCR model files the engine loads.</summary>
/// <param name="Detection">The DB text detection model.</param>
/// <param name="Recognition">The CTC text recognition model.</param>
/// <param name="Classifier">The 0/180 direction classifier.</param>
/// <param name="Keys">The recognition alphabet.</param>
internal sealed record PaddleModels(string Detection, string Recognition, string Classifier, string Keys);
