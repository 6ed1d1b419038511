import { mountLightbox } from '../lightbox.ts';

mountLightbox(document);
