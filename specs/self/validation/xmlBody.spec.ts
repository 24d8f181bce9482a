// Which XSD an XML body answers to: a request, an error and a token response each against their
// own schema and root element, so a body of the wrong kind is refused by its root.

import { expect } from 'chai';
import { validateXmlBodies } from '../../../src/validation/xmlBody.ts';
import { responseXml } from '../support/docSamples.ts';

const REQUEST = '<ConsincoRefreshTokenBindingModel xmlns:i="http://www.w3.org/2001/XMLSchema-instance" xmlns="http://schemas.datacontract.org/2004/07/AuthenticationServer.Models">'
  + '<ControllerVersion>3</ControllerVersion><GrantType>sample string 2</GrantType><Refreshtoken>sample string 1</Refreshtoken></ConsincoRefreshTokenBindingModel>';
const ERROR = '<Error><Message>The request is invalid.</Message></Error>';

describe('XML bodies: the XSD of each kind', () => {
  it('accepts a request, an error and a token response each against its own XSD, and refuses the wrong root', async () => {
    const problems = await validateXmlBodies([
      { kind: 'request', xml: REQUEST },
      { kind: 'error', xml: ERROR },
      { kind: 'response', xml: responseXml('backing-field') },
      { kind: 'error', xml: REQUEST },
      { kind: 'request', xml: ERROR },
    ]);
    expect(problems.slice(0, 3)).to.deep.equal([[], [], []]);
    expect(problems[3]).to.deep.equal([{ field: 'ConsincoRefreshTokenBindingModel', path: '/', received: 'root element {http://schemas.datacontract.org/2004/07/AuthenticationServer.Models}ConsincoRefreshTokenBindingModel', expected: 'root element {}Error' }]);
    expect(problems[4]).to.deep.equal([{ field: 'Error', path: '/', received: 'root element {}Error', expected: 'root element {http://schemas.datacontract.org/2004/07/AuthenticationServer.Models}ConsincoRefreshTokenBindingModel' }]);
  });
});
