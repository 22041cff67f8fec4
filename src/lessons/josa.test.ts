import { describe, expect, it } from 'vitest';
import { finalSound, pickJosa, withJosa } from './josa';

describe('Korean particles after names and numbers', () => {
  it('English words read as Korean transcribes them', () => {
    expect(withJosa('web', '과/와')).toBe('web과');
    expect(withJosa('web', '을/를')).toBe('web을');
    expect(withJosa('nginx', '과/와')).toBe('nginx와');
    expect(withJosa('pod', '이/가')).toBe('pod가');
    expect(withJosa('redis', '은/는')).toBe('redis는');
    expect(withJosa('control', '으로/로')).toBe('control로');
    expect(withJosa('team', '으로/로')).toBe('team으로');
    expect(withJosa('ping', '이/가')).toBe('ping이');
    expect(withJosa('data', '이/가')).toBe('data가');
    expect(withJosa('storefront', '을/를')).toBe('storefront를');
    expect(withJosa('Hostname', '이/가')).toBe('Hostname이');
    expect(withJosa('node', '이/가')).toBe('node가');
    expect(withJosa('file', '으로/로')).toBe('file로');
    expect(withJosa('big', '이/가')).toBe('big이');
  });
  it('generated suffixes without vowels are read letter by letter (m 엠, p 피, l 엘)', () => {
    expect(withJosa('web-7d4b9c8f6-7fwkm', '을/를')).toBe('web-7d4b9c8f6-7fwkm을');
    expect(withJosa('web-7d4b9c8f6-x2kzp', '을/를')).toBe('web-7d4b9c8f6-x2kzp를');
    expect(withJosa('k8s-xl', '으로/로')).toBe('k8s-xl로');
  });
  it('acronyms letter by letter: IP 아이피, CPU 씨피유, DNS 디엔에스, URL 유알엘', () => {
    expect(withJosa('IP', '은/는')).toBe('IP는');
    expect(withJosa('ClusterIP', '을/를')).toBe('ClusterIP를');
    expect(withJosa('CPU', '이/가')).toBe('CPU가');
    expect(withJosa('URL', '으로/로')).toBe('URL로');
    expect(withJosa('HTML', '을/를')).toBe('HTML을');
    expect(withJosa('MODE', '과/와')).toBe('MODE와');
    expect(withJosa('GREETING', '이/가')).toBe('GREETING이');
  });
  it('numbers by their Sino-Korean reading: 2 이, 3 삼, 1 일, 10 십', () => {
    expect(withJosa('worker-2', '을/를')).toBe('worker-2를');
    expect(withJosa('worker-3', '을/를')).toBe('worker-3을');
    expect(withJosa('worker-1', '으로/로')).toBe('worker-1로');
    expect(withJosa('worker-6', '으로/로')).toBe('worker-6으로');
    expect(withJosa('worker-10', '이/가')).toBe('worker-10이');
    expect(withJosa('0', '이/가')).toBe('0이');
  });
  it('Hangul is left to es-hangul; trailing punctuation is not read; the pair may come in either order', () => {
    expect(withJosa('디플로이먼트', '을/를')).toBe('디플로이먼트를');
    expect(withJosa('파드', '와/과')).toBe('파드와');
    expect(withJosa('Deployment/web)', '과/와')).toBe('Deployment/web)과');
    expect(pickJosa('web', '와/과')).toBe('과');
    expect(finalSound('클러스터')).toBeUndefined();
  });
});
