import { maskAddress, maskName, maskPhone } from './personal-data';

describe('personal data masking', () => {
  it.each([
    ['13812345678', '138****5678'],
    ['+86 138-1234-5678', '861******5678'],
    ['021-62345678', '021****5678'],
    [null, null],
  ])('masks the phone %p as %p', (phone, masked) => {
    expect(maskPhone(phone)).toBe(masked);
  });

  it('keeps only the province and city of an address', () => {
    expect(maskAddress('浙江省杭州市西湖区文三路90号3幢201室')).toBe('浙江省杭州市****');
    expect(maskAddress('上海市浦东新区世纪大道100号')).toBe('上海市****');
  });

  it('keeps only the family name', () => {
    expect(maskName('张伟')).toBe('张*');
    expect(maskName('欧阳娜娜')).toBe('欧***');
  });
});
