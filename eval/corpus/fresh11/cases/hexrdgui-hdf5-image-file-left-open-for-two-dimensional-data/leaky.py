import os
import tempfile

import h5py
import yaml

from hexrd import imageseries

from hexrd.ui.hexrd_config import HexrdConfig


class ImageFileManager:

    HDF5_FILE_EXTS = ['.h5', '.hdf5', '.he5']

    def __init__(self):
        self.remember = True
        self.path = []

    def load_images(self, detectors, file_names, options=None):
        HexrdConfig().imageseries_dict.clear()
        for name, f in zip(detectors, file_names):
            try:
                ims = self.open_file(f, options)
                HexrdConfig().imageseries_dict[name] = ims
            except (Exception, IOError) as error:
                HexrdConfig().warn('ERROR - Could not read file: \n' + str(error))
                return

    def open_file(self, f, options=None):
        ext = os.path.splitext(f)[1] if isinstance(f, str) else None
        if ext is None:
            ims = imageseries.open(None, 'array', data=f)
        elif ext in self.HDF5_FILE_EXTS:
            data = h5py.File(f, 'r')  # LEAK
            dset = data['/'.join(self.path)][()]
            if dset.ndim < 3:
                # Handle raw two dimesional data
                ims = imageseries.open(None, 'array', data=dset)
            else:
                data.close()
                ims = imageseries.open(
                    f, 'hdf5', path=self.path[0], dataname=self.path[1])
        elif ext == '.yml':
            data = yaml.load(open(f))
            form = next(iter(data))
            ims = imageseries.open(f, form)
        else:
            temp = tempfile.NamedTemporaryFile(delete=False)
            try:
                temp.write(yaml.dump({'image-files': {'directory': os.path.dirname(f),
                                                      'files': os.path.basename(f)},
                                      'options': options or {}}).encode('utf-8'))
                temp.close()
                ims = imageseries.open(temp.name, 'image-files')
            finally:
                os.remove(temp.name)

        return ims
