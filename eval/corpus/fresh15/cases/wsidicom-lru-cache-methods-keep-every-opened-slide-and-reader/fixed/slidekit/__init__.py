"""Whole-slide images stored as DICOM files."""
