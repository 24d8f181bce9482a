// The root element of a DataContract request document as Web API's samples write it: the
// instance namespace bound to `i` (for i:nil) and the type's namespace as the default one.

export const XSI_NAMESPACE = 'http://www.w3.org/2001/XMLSchema-instance';

/** The start and end tags of a DataContract document's root. */
export function dataContractRoot(root: string, namespace: string): { open: string; close: string } {
  return { open: `<${root} xmlns:i="${XSI_NAMESPACE}" xmlns="${namespace}">`, close: `</${root}>` };
}
