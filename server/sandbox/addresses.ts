import type { AddressDirectory, AddressEntry } from '../addresses.ts';

// SANDBOX address book: a few real road addresses (public buildings and landmarks), so the demo's
// address search answers as juso.go.kr would, without its approval key. Not a complete directory.

const entry = (postcode: string, base: string, extra: string, jibun: string, english: string, buildingName?: string): AddressEntry => ({
  postcode, base, extra, jibun, english, ...(buildingName ? { buildingName } : {}),
});

export const sandboxAddresses: readonly AddressEntry[] = [
  entry('03171', '서울특별시 종로구 세종대로 209', '(세종로)', '서울특별시 종로구 세종로 77-6', '209 Sejong-daero, Jongno-gu, Seoul', '정부서울청사'),
  entry('03172', '서울특별시 종로구 세종대로 175', '(세종로)', '서울특별시 종로구 세종로 81-3', '175 Sejong-daero, Jongno-gu, Seoul', '세종문화회관'),
  entry('03187', '서울특별시 종로구 세종대로 149', '(세종로)', '서울특별시 종로구 세종로 211', '149 Sejong-daero, Jongno-gu, Seoul', '광화문빌딩'),
  entry('03187', '서울특별시 종로구 세종대로 152', '(세종로)', '서울특별시 종로구 세종로 139', '152 Sejong-daero, Jongno-gu, Seoul', '일민미술관'),
  entry('03186', '서울특별시 종로구 세종대로 178', '(세종로)', '서울특별시 종로구 세종로 82-1', '178 Sejong-daero, Jongno-gu, Seoul', 'KT광화문빌딩'),
  entry('03185', '서울특별시 종로구 세종대로 198', '(세종로)', '서울특별시 종로구 세종로 76-1', '198 Sejong-daero, Jongno-gu, Seoul', '대한민국역사박물관'),
  entry('04520', '서울특별시 중구 세종대로 124', '(태평로1가)', '서울특별시 중구 태평로1가 25', '124 Sejong-daero, Jung-gu, Seoul', '한국프레스센터'),
  entry('04524', '서울특별시 중구 세종대로 110', '(태평로1가)', '서울특별시 중구 태평로1가 31', '110 Sejong-daero, Jung-gu, Seoul', '서울특별시청'),
  entry('04519', '서울특별시 중구 세종대로 99', '(정동)', '서울특별시 중구 정동 5-1', '99 Sejong-daero, Jung-gu, Seoul', '덕수궁'),
  entry('04513', '서울특별시 중구 세종대로 55', '(태평로2가)', '서울특별시 중구 태평로2가 150', '55 Sejong-daero, Jung-gu, Seoul'),
  entry('04529', '서울특별시 중구 세종대로 40', '(남대문로4가)', '서울특별시 중구 남대문로4가 29', '40 Sejong-daero, Jung-gu, Seoul', '숭례문'),
  entry('04637', '서울특별시 중구 세종대로 14', '(남대문로5가)', '서울특별시 중구 남대문로5가 120', '14 Sejong-daero, Jung-gu, Seoul'),
  entry('03154', '서울특별시 종로구 종로 1', '(종로1가)', '서울특별시 종로구 종로1가 1', '1 Jong-ro, Jongno-gu, Seoul', '교보생명빌딩'),
  entry('03045', '서울특별시 종로구 청와대로 1', '(세종로)', '서울특별시 종로구 세종로 1', '1 Cheongwadae-ro, Jongno-gu, Seoul', '청와대'),
  entry('04563', '서울특별시 중구 을지로 281', '(을지로7가)', '서울특별시 중구 을지로7가 2-1', '281 Eulji-ro, Jung-gu, Seoul', '동대문디자인플라자'),
  entry('07233', '서울특별시 영등포구 의사당대로 1', '(여의도동)', '서울특별시 영등포구 여의도동 1', '1 Uisadang-daero, Yeongdeungpo-gu, Seoul', '국회의사당'),
  entry('06164', '서울특별시 강남구 영동대로 511', '(삼성동)', '서울특별시 강남구 삼성동 159-1', '511 Yeongdong-daero, Gangnam-gu, Seoul', '트레이드타워'),
  entry('06236', '서울특별시 강남구 테헤란로 152', '(역삼동)', '서울특별시 강남구 역삼동 737', '152 Teheran-ro, Gangnam-gu, Seoul', '강남파이낸스센터'),
  entry('06164', '서울특별시 강남구 테헤란로 513', '(삼성동)', '서울특별시 강남구 삼성동 159', '513 Teheran-ro, Gangnam-gu, Seoul', '코엑스'),
  entry('13529', '경기도 성남시 분당구 판교역로 166', '(백현동)', '경기도 성남시 분당구 백현동 532', '166 Pangyoyeok-ro, Bundang-gu, Seongnam-si, Gyeonggi-do'),
  entry('13561', '경기도 성남시 분당구 정자일로 95', '(정자동)', '경기도 성남시 분당구 정자동 178-4', '95 Jeongjail-ro, Bundang-gu, Seongnam-si, Gyeonggi-do'),
  entry('16677', '경기도 수원시 영통구 광교로 107', '(이의동)', '경기도 수원시 영통구 이의동 906-5', '107 Gwanggyo-ro, Yeongtong-gu, Suwon-si, Gyeonggi-do'),
  entry('30112', '세종특별자치시 다솜2로 94', '(어진동)', '세종특별자치시 어진동 540', '94 Dasom 2-ro, Sejong-si', '정부세종청사'),
  entry('35208', '대전광역시 서구 청사로 189', '(둔산동)', '대전광역시 서구 둔산동 920', '189 Cheongsa-ro, Seo-gu, Daejeon', '정부대전청사'),
  entry('47545', '부산광역시 연제구 중앙대로 1001', '(연산동)', '부산광역시 연제구 연산동 1000', '1001 Jungang-daero, Yeonje-gu, Busan', '부산광역시청'),
  entry('41911', '대구광역시 중구 공평로 88', '(동인동1가)', '대구광역시 중구 동인동1가 2-1', '88 Gongpyeong-ro, Jung-gu, Daegu', '대구광역시청'),
  entry('21554', '인천광역시 남동구 정각로 29', '(구월동)', '인천광역시 남동구 구월동 1138', '29 Jeonggak-ro, Namdong-gu, Incheon', '인천광역시청'),
  entry('61945', '광주광역시 서구 내방로 111', '(치평동)', '광주광역시 서구 치평동 1200', '111 Naebang-ro, Seo-gu, Gwangju', '광주광역시청'),
  entry('44675', '울산광역시 남구 중앙로 201', '(신정동)', '울산광역시 남구 신정동 646-4', '201 Jungang-ro, Nam-gu, Ulsan', '울산광역시청'),
  entry('63122', '제주특별자치도 제주시 문연로 6', '(연동)', '제주특별자치도 제주시 연동 312-1', '6 Munyeon-ro, Jeju-si, Jeju-do', '제주특별자치도청'),
];

export const sandboxAddressDirectory: AddressDirectory = {
  async search(keyword, page, size) {
    const tokens = keyword.toLowerCase().split(/\s+/).filter(Boolean);
    const found = sandboxAddresses.filter((address) => {
      const text = [address.base, address.extra, address.jibun, address.buildingName ?? '', address.english, address.postcode].join(' ').toLowerCase();
      const compact = text.replace(/\s+/g, '');
      return tokens.every((token) => text.includes(token) || compact.includes(token));
    });
    return { results: found.slice((page - 1) * size, page * size), total: found.length };
  },
};
