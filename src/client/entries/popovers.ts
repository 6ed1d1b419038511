import { mountPopovers } from '../popovers.ts';

mountPopovers(document);
